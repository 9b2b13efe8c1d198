/**
 * The account and region each environment is pinned to, read from the template's Rules: archgen
 * writes one rule per environment and pin (`RuleCondition: !Equals [!Ref EnvironmentName, prod]`,
 * `Assert: !Equals [!Ref AWS::Region, eu-west-1]`), and teams write the same guard by hand.
 * Rules of another shape pin nothing.
 */
import { obj } from './readers/values.ts';
export interface EnvironmentPin {
  account?: string;
  region?: string;
}

/** `!Equals [!Ref <name>, <text>]` in either order: [name, text]. */
function equalsRef(v: unknown): [string, string] | undefined {
  const args = obj(v)['Fn::Equals'];
  if (!Array.isArray(args) || args.length !== 2) return undefined;
  for (const [a, b] of [args, [...args].reverse()]) {
    const name = obj(a).Ref;
    if (typeof name === 'string' && (typeof b === 'string' || typeof b === 'number'))
      return [name, String(b)];
  }
  return undefined;
}

export function environmentPins(
  rules: unknown,
  environmentParameter: string | undefined,
): Map<string, EnvironmentPin> {
  const pins = new Map<string, EnvironmentPin>();
  if (!environmentParameter) return pins;
  for (const rule of Object.values(obj(rules)).map(obj)) {
    const condition = equalsRef(rule.RuleCondition);
    if (!condition || condition[0] !== environmentParameter) continue;
    const env = condition[1];
    for (const assertion of Array.isArray(rule.Assertions) ? rule.Assertions : []) {
      const pinned = equalsRef(obj(assertion).Assert);
      if (!pinned) continue;
      const pin = pins.get(env) ?? {};
      if (pinned[0] === 'AWS::Region') pin.region = pinned[1];
      else if (pinned[0] === 'AWS::AccountId') pin.account = pinned[1];
      else continue;
      pins.set(env, pin);
    }
  }
  return pins;
}
