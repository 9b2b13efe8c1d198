/**
 * AWS::Config::ConfigurationRecorder -> config-recorder: what it records, how often its delivery
 * channel delivers snapshots, and the AWS managed rules of the template the catalog lists. A
 * channel and rules name no recorder (one per account and region): with one recorder in the
 * template they are its parts (import.ts).
 */
import { CONFIG_MANAGED_RULES } from '@archgen/model';
import { bool, deep, list, obj, props, str, type ReadContext, type Reader } from './values.ts';

/** The catalog's identifier of an AWS managed rule, or undefined for a custom or unlisted one. */
export function managedRule(
  ctx: Pick<ReadContext, 'value'>,
  ruleProps: Record<string, unknown>,
): string | undefined {
  const source = obj(ctx.value(ruleProps.Source) ?? ruleProps.Source);
  const id = source.SourceIdentifier;
  return source.Owner === 'AWS' && typeof id === 'string' && id in CONFIG_MANAGED_RULES ? id : undefined;
}

export const configRecorder: Reader = (p, ctx) => {
  const group = obj(deep(ctx, p.RecordingGroup));
  const channel = ctx.ofType('AWS::Config::DeliveryChannel')[0];
  const frequency = channel
    ? str(ctx, obj(deep(ctx, channel.props.ConfigSnapshotDeliveryProperties)).DeliveryFrequency)
    : undefined;
  const rules = ctx
    .ofType('AWS::Config::ConfigRule')
    .map((r) => managedRule(ctx, r.props))
    .filter((id): id is string => id !== undefined);
  return props({
    allSupported: bool(ctx, group.AllSupported) ?? list(group.ResourceTypes).length === 0,
    includeGlobalResources: bool(ctx, group.IncludeGlobalResourceTypes) ?? false,
    deliveryFrequency: frequency ?? 'TwentyFour_Hours',
    rules: [...new Set(rules)].map((rule) => ({ rule })),
  });
};
