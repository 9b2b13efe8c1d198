/**
 * A drawn customer managed key (kms-key) and its alias, as the lowering decided it: rotation,
 * deletion window, and a key policy where the account administers the key (so the roles' IAM
 * grants on it apply) and the services that write for the components it encrypts use it.
 */
import type { ResolvedKmsKey } from '@archgen/infra';
import type { ComponentEmitter } from '../context.ts';
import { getAtt, ref, sub, type TemplateValue } from '../template/intrinsics.ts';
import { resolvedValue } from './common.ts';

function keyPolicy(key: ResolvedKmsKey): TemplateValue {
  const statements: TemplateValue[] = [
    {
      Sid: 'AccountAdministers',
      Effect: 'Allow',
      Principal: { AWS: sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:root') },
      Action: 'kms:*',
      Resource: '*',
    },
  ];
  if (key.servicePrincipals.length > 0)
    statements.push({
      Sid: 'ServicesEncrypt',
      Effect: 'Allow',
      Principal: {
        Service: key.servicePrincipals.map((p) =>
          p.regional ? sub(`${p.service}.\${AWS::Region}.amazonaws.com`) : `${p.service}.amazonaws.com`,
        ),
      },
      Action: [...key.serviceActions],
      Resource: '*',
    });
  if (key.describingServices.length > 0)
    statements.push({
      Sid: 'ServicesDescribe',
      Effect: 'Allow',
      Principal: { Service: key.describingServices.map((p) => `${p.service}.amazonaws.com`) },
      Action: 'kms:DescribeKey',
      Resource: '*',
    });
  return { Version: '2012-10-17', Statement: statements };
}

export const kmsKeyEmitter: ComponentEmitter = {
  references: {
    arn: (id) => getAtt(id, 'Arn'),
    id: (id) => ref(id),
  },
  emit(component, ctx) {
    const key = component.kmsKey;
    if (!key) throw new Error(`kms-key "${component.id}" has no resolved key`);
    const id = component.names.logicalId;
    ctx.template.addResource(
      id,
      {
        Type: 'AWS::KMS::Key',
        // Data encrypted with a deleted key is lost: the key outlives its stack.
        DeletionPolicy: 'Retain',
        UpdateReplacePolicy: 'Retain',
        Metadata: ctx.metadata(component.acknowledgements),
        Properties: {
          Description: key.description.slice(0, 8192),
          EnableKeyRotation: resolvedValue(
            ctx,
            component,
            'EnableKeyRotation',
            'Automatic rotation',
            key.enableKeyRotation,
          ),
          PendingWindowInDays: resolvedValue(
            ctx,
            component,
            'PendingWindowInDays',
            'Deletion waiting period in days',
            key.pendingWindowDays,
          ),
          KeyPolicy: keyPolicy(key),
          Tags: ctx.tags(component.names.display),
        },
      },
      'In a key policy "*" as Resource means this key; the account root administers it through IAM.',
    );
    ctx.template.addResource(`${id}Alias`, {
      Type: 'AWS::KMS::Alias',
      Properties: {
        AliasName: sub(`alias/\${AWS::StackName}-${key.aliasSuffix}`),
        TargetKeyId: ref(id),
      },
    });
  },
};
