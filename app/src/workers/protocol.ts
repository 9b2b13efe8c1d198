import type { Design } from '@archgen/model';

export type TargetId = 'cdk' | 'terraform' | 'cloudformation';
export const TARGET_IDS: readonly TargetId[] = ['cdk', 'terraform', 'cloudformation'];
export const TARGET_LABELS: Readonly<Record<TargetId, string>> = {
  cdk: 'CDK',
  terraform: 'Terraform',
  cloudformation: 'CloudFormation',
};

/** Files of one target, sorted by path; or why that target could not be generated. */
export type TargetOutput =
  { ok: true; files: [path: string, content: string][] } | { ok: false; error: string };

export type CodegenRequest =
  | { type: 'generate'; id: number; design: Design }
  | {
      type: 'zip';
      id: number;
      design: Design;
      targets: TargetId[];
      environments: string[];
      /** Build even when findings make the code fail (the user ticked "Export anyway"). */
      force?: boolean;
    };

export type CodegenResponse =
  | { type: 'generated'; id: number; outputs: Record<TargetId, TargetOutput>; millis: number }
  | { type: 'zip'; id: number; bytes: Uint8Array }
  | { type: 'error'; id: number; message: string };
