/**
 * AWS::ECR::Repository -> ecr-repository: scanning, tag mutability, encryption, and from the
 * lifecycle policy text the two rules archgen's lowering writes (keep the last N images, expire
 * untagged ones after N days). AWS defaults: no scan, mutable tags, AES-256, no lifecycle.
 */
import { bool, obj, onDelete, props, str, type Reader } from './values.ts';

/** The keep-last and untagged-expiry numbers of a lifecycle policy text (0: no such rule). */
export function lifecycleNumbers(text: string | undefined): { keepLast: number; untaggedDays: number } {
  let rules: unknown[] = [];
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    rules = Array.isArray(obj(parsed).rules) ? (obj(parsed).rules as unknown[]) : [];
  } catch {
    rules = [];
  }
  let keepLast = 0;
  let untaggedDays = 0;
  for (const rule of rules) {
    const s = obj(obj(rule).selection);
    if (obj(obj(rule).action).type !== 'expire' || typeof s.countNumber !== 'number') continue;
    if (s.tagStatus === 'untagged' && s.countType === 'sinceImagePushed') untaggedDays = s.countNumber;
    if (s.tagStatus === 'any' && s.countType === 'imageCountMoreThan') keepLast = s.countNumber;
  }
  return { keepLast, untaggedDays };
}

export const ecrRepository: Reader = (p, ctx) => {
  const lifecycle = lifecycleNumbers(str(ctx, obj(p.LifecyclePolicy).LifecyclePolicyText));
  return props({
    scanOnPush: bool(ctx, obj(p.ImageScanningConfiguration).ScanOnPush) ?? false,
    tagMutability: str(ctx, p.ImageTagMutability) === 'IMMUTABLE' ? 'IMMUTABLE' : 'MUTABLE',
    keepLastImages: lifecycle.keepLast,
    untaggedExpiryDays: lifecycle.untaggedDays,
    encryption: str(ctx, obj(p.EncryptionConfiguration).EncryptionType) === 'KMS' ? 'KMS' : 'AES256',
    onDelete: onDelete(ctx, false),
  });
};
