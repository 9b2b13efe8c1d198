/** Policy pieces several emitters share. */
import type { TemplateValue } from '../template/intrinsics.ts';

/** Denies any request not made over TLS (SQS-01, SNS-01, S3-01). */
export function denyInsecureTransport(action: string, resources: TemplateValue[]): TemplateValue {
  return {
    Sid: 'DenyInsecureTransport',
    Effect: 'Deny',
    Principal: '*',
    Action: action,
    Resource: resources.length === 1 ? resources[0]! : resources,
    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  };
}

/** Lets an AWS service act on a resource on behalf of one source resource only (confused deputy). */
export function allowService(
  sid: string,
  service: string,
  actions: string[],
  resource: TemplateValue,
  sourceArn: TemplateValue,
): TemplateValue {
  return {
    Sid: sid.replace(/[^A-Za-z0-9]/g, ''),
    Effect: 'Allow',
    Principal: { Service: service },
    Action: actions.length === 1 ? actions[0]! : actions,
    Resource: resource,
    Condition: { ArnEquals: { 'aws:SourceArn': sourceArn } },
  };
}
