/**
 * AWS::Route53::HostedZone -> route53-zone: its name (lower case, no trailing dot) and whether it
 * is private (it names VPCs). Its alias records are parts, read as alias connections (import.ts).
 */
import { list, props, str, type ReadContext, type Reader } from './values.ts';

export function zoneName(ctx: Pick<ReadContext, 'value'>, v: unknown): string | undefined {
  const name = str(ctx as ReadContext, v);
  return name?.toLowerCase().replace(/\.$/, '');
}

/** The record's name within the zone: "www" for www.example.com in example.com, "" for the apex. */
export function recordName(fqdn: string | undefined, zone: string | undefined): string | undefined {
  if (fqdn === undefined || zone === undefined) return undefined;
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  if (name === zone) return '';
  return name.endsWith(`.${zone}`) ? name.slice(0, -zone.length - 1) : undefined;
}

export const route53Zone: Reader = (p, ctx) =>
  props({
    zoneName: zoneName(ctx, p.Name),
    private: list(p.VPCs).length > 0,
  });
