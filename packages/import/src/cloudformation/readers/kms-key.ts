/**
 * AWS::KMS::Key -> kms-key: rotation and deletion window (AWS defaults: no rotation, 30 days),
 * and the alias its AWS::KMS::Alias gives it. archgen prints `alias/${AWS::StackName}-<alias>`,
 * so the stack-name prefix is not part of the design's alias.
 */
import { toKebabCase } from '@archgen/infra';
import { nameTag } from '../network.ts';
import { bool, num, obj, props, type Reader } from './values.ts';

/** The design's alias from an AliasName: without "alias/" and the stack-name prefix archgen adds. */
export function aliasOf(name: unknown): string | undefined {
  const sub = obj(name)['Fn::Sub'];
  const text = typeof name === 'string' ? name : typeof sub === 'string' ? sub : undefined;
  const m = text ? /^alias\/(?:\$\{AWS::StackName\}-)?([A-Za-z0-9/_-]+)$/.exec(text) : null;
  return m?.[1];
}

export const kmsKey: Reader = (p, ctx) => {
  const alias = ctx.referrers(ctx.id, 'AWS::KMS::Alias')[0];
  const name = aliasOf(alias?.props.AliasName);
  // archgen names a key without an alias after the node (its Name tag): that is the design's default.
  const tag = nameTag(p.Tags, ctx.value);
  return props({
    alias: tag !== undefined && name === toKebabCase(tag) ? undefined : name,
    enableKeyRotation: bool(ctx, p.EnableKeyRotation) ?? false,
    pendingWindowDays: num(ctx, p.PendingWindowInDays) ?? 30,
  });
};
