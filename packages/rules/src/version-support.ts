/**
 * The check the version rules share (RDS-06, EC-03, OS-03, NEP-02, EKS-02): a node whose engine
 * version is past the end of standard support (Neptune: end of life) on `ctx.today`, per the dated
 * tables in `@archgen/model` (versions.ts). The fix moves it to the engine's current default, when
 * that default is itself still supported on that day.
 */
import { engineVersionProperty, supportStatus, versionLabel } from '@archgen/model';
import type { Finding, Rule, RuleContext } from './types.ts';
import { checkNodes } from './rule-kit.ts';

export function checkEngineVersions(
  ctx: RuleContext,
  rule: Rule,
  types: readonly string[],
  /** One sentence on what an upgrade means for this service. */
  upgradeNote: string,
): Finding[] {
  return checkNodes(ctx, rule, types, 'all', (node, props) => {
    const where = engineVersionProperty(node.type, props);
    const version = where ? props[where.key] : undefined;
    if (!where || typeof version !== 'string') return undefined;
    const { versions } = where;
    const status = supportStatus(versions, version, ctx.today);
    if (status.state !== 'ended') return undefined;
    const { end, extendedEnd } = status.window;
    const endOfLife = versions.endKind === 'end of life';
    const why = endOfLife
      ? 'AWS creates no new clusters on a version past its end of life and upgrades existing ones in a maintenance window it chooses.'
      : extendedEnd !== undefined && ctx.today > extendedEnd
        ? `Its paid extended support ended too (${extendedEnd}): AWS upgrades it on its own schedule and may refuse to create it.`
        : `AWS bills extended support for it${extendedEnd ? ` until ${extendedEnd}` : ''} and then upgrades it on its own schedule; fixes go to supported versions.`;
    const target = versions.default;
    const fixable = target !== version && supportStatus(versions, target, ctx.today).state === 'supported';
    return {
      message: `${node.name} runs ${versionLabel(versions, version)}, past ${endOfLife ? 'its end of life' : 'the end of standard support'} (${end})`,
      why: `${why} ${upgradeNote}`,
      ...(fixable
        ? {
            fixTitle: `Use ${versionLabel(versions, target)} (the current default)`,
            set: { [where.key]: target },
          }
        : { fixTitle: 'Choose a version still in standard support' }),
    };
  });
}
