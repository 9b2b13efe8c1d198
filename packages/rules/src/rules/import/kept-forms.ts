/** What IMP-01 and IMP-02 share: the forms a kept resource (other-resource) has. */
import type { DesignNode, Properties } from '@archgen/model';

export const KEPT_TYPE = 'other-resource';

export interface KeptForms {
  cloudFormationType: string;
  terraformType: string;
}

export function keptForms(props: Properties): KeptForms {
  const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');
  return { cloudFormationType: text(props.cloudFormationType), terraformType: text(props.terraformType) };
}

/** The type to name a kept resource by in a message: whichever form it has. */
export function keptTypeName(node: DesignNode, forms: KeptForms): string {
  return forms.cloudFormationType || forms.terraformType || `no type (${node.id})`;
}
