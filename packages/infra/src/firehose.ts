/**
 * Firehose streams (firehose nodes): the source (direct put, or the first kinesis-stream drawn as
 * its event source), the destination bucket (the first s3 it writes to, else a private bucket made
 * here), and the delivery role's permissions: read the stream, deliver to the bucket (and its
 * drawn key, through keys.ts), write its error log stream. Decided once here for every target.
 */
import { getRule } from '@archgen/rules';
import type { LowerContext } from './context.ts';
import { derivedComponent } from './derived.ts';
import { addGrant, grantRoleId } from './iam.ts';
import { logWriteStatement } from './iam-actions.ts';
import type { ResolvedComponent } from './types.ts';

/** The log stream Firehose writes S3 delivery errors to (the console's own name for it). */
export const FIREHOSE_LOG_STREAM = 'DestinationDelivery';

/** Where a stream the design connects to no bucket delivers: private, versioned, access-logged. */
function destinationBucket(ctx: LowerContext, stream: ResolvedComponent): ResolvedComponent {
  return ctx.addComponent(
    derivedComponent(
      ctx,
      {
        id: `${stream.id}.destination`,
        type: 's3',
        names: ctx.derivedNames(stream.names, 'Destination', `${stream.names.display} destination`),
        from: stream.id,
        nodeId: stream.id,
        reason: 'A Firehose stream needs a destination: a private, access-logged bucket',
      },
      {
        versioned: ctx.constant(true),
        encryption: ctx.constant('s3-managed'),
        blockPublicAccess: ctx.constant(true),
        enforceTls: ctx.constant(true),
        accessLogs: ctx.constant(true),
      },
    ),
    stream.id,
  );
}

const text = (value: unknown, fallback: string): string => (typeof value === 'string' ? value : fallback);

/** Run after the connection grants and wiring, before key grants and the roles' statements. */
export function lowerFirehoses(ctx: LowerContext): void {
  for (const node of ctx.nodes) {
    if (node.type !== 'firehose') continue;
    const stream = ctx.component(node.id);
    const roleId = stream && grantRoleId(stream);
    const role = roleId ? ctx.role(roleId) : undefined;
    if (!stream || !roleId || !role) continue;
    // Connections in id order: the first source and the first bucket count (FH-01 flags others).
    const byId = <T extends { id: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const sourceConnection = byId(ctx.incoming.get(node.id) ?? []).find(
      (c) => c.kind === 'event-source' && ctx.component(c.from)?.type === 'kinesis-stream',
    );
    const bucketConnection = byId(ctx.outgoing.get(node.id) ?? []).find(
      (c) => c.kind === 'write' && ctx.component(c.to)?.type === 's3',
    );
    const bucket = bucketConnection ? ctx.component(bucketConnection.to)! : destinationBucket(ctx, stream);
    const source = sourceConnection ? ctx.component(sourceConnection.from) : undefined;

    addGrant(ctx, stream, bucket, 'deliver', bucketConnection?.id);
    if (source) addGrant(ctx, stream, source, 'consume', sourceConnection!.id);
    if (stream.logGroupId) role.statements.push(logWriteStatement('WriteOwnLogs', stream.logGroupId));

    // Firehose takes no SSE setting with a stream source: the stream encrypts the records (KIN-01).
    if (source)
      stream.acknowledgements.push({
        ruleId: 'FH-01',
        reason: `Records arrive from ${source.names.display}, which encrypts them; Firehose takes no server-side encryption with a Kinesis stream source`,
        equivalents: [...(getRule('FH-01')?.equivalents ?? [])],
      });
    const first = ctx.envs[0]!;
    stream.firehose = {
      ...(source ? { sourceStreamId: source.id } : {}),
      bucketId: bucket.id,
      roleId,
      prefix: text(stream.props.prefix?.byEnv[first], ''),
      errorOutputPrefix: text(stream.props.errorOutputPrefix?.byEnv[first], ''),
      // Records from a stream arrive encrypted by it; Firehose refuses SSE with a stream source.
      encryption: !source && stream.props.encryption?.byEnv[first] !== false,
      ...(stream.logGroupId ? { logStreamName: FIREHOSE_LOG_STREAM } : {}),
    };
  }
}
