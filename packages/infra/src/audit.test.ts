import { describe, expect, it } from 'vitest';
import { design } from '@archgen/model';
import { lowerDesign } from './lower.ts';
import { graphProblems } from './test-support/graph-invariants.ts';

describe('CloudTrail trails and Config recorders', () => {
  const graph = lowerDesign(
    design('Audit')
      .node('cloudtrail', { id: 'trail', name: 'Org trail' })
      .node('cloudtrail', { id: 'quiet', name: 'Quiet trail', properties: { cloudWatchLogs: false } })
      .node('config-recorder', {
        id: 'recorder',
        name: 'Recorder',
        properties: {
          rules: [{ rule: 'ENCRYPTED_VOLUMES' }, { rule: 'NOT_A_RULE' }, { rule: 'ENCRYPTED_VOLUMES' }],
        },
      })
      .node('s3', { id: 'audit', name: 'Audit logs' })
      .node('log-group', { id: 'events', name: 'Trail events' })
      .connect('trail', 'audit', 'write')
      .connect('trail', 'events', 'write')
      .connect('recorder', 'audit', 'write')
      .build(),
  );
  const component = (id: string) => graph.components.find((c) => c.id === id)!;
  const role = (id: string) => graph.roles.find((r) => r.id === id);

  it('is a consistent graph', () => {
    expect(graphProblems(graph)).toEqual([]);
  });

  it('writes to the connected bucket and log group, through a role CloudTrail assumes', () => {
    expect(component('trail').trail).toEqual({
      bucketId: 'audit',
      prefix: component('trail').names.slug,
      logsRoleId: 'trail.logs-role',
      s3DataEvents: false,
      lambdaDataEvents: false,
    });
    expect(component('trail').logGroupId).toBe('events');
    expect(graph.components.some((c) => c.id === 'trail.logs')).toBe(false);
    expect(role('trail.logs-role')?.assumedBy).toBe('cloudtrail.amazonaws.com');
    expect(role('trail.logs-role')?.statements.flatMap((s) => s.actions)).toEqual([
      'logs:CreateLogStream',
      'logs:PutLogEvents',
    ]);
    // The bucket's policy admits the trail and the recorder, each under its own prefix.
    expect(component('audit').logDeliveries).toEqual([
      { service: 'config', sourceId: 'recorder', prefix: component('recorder').names.slug },
      { service: 'cloudtrail', sourceId: 'trail', prefix: component('trail').names.slug },
    ]);
  });

  it('makes a private, versioned log bucket when none is drawn, and no logs role without CloudWatch Logs', () => {
    const bucket = component('quiet.bucket');
    expect(component('quiet').trail?.bucketId).toBe('quiet.bucket');
    expect(component('quiet').trail?.logsRoleId).toBeUndefined();
    expect(role('quiet.logs-role')).toBeUndefined();
    expect(component('quiet').logGroupId).toBeUndefined();
    for (const key of ['versioned', 'blockPublicAccess', 'enforceTls', 'accessLogs'])
      expect(bucket.props[key]?.byEnv.dev, key).toBe(true);
    expect(bucket.props.transitionToGlacierDays?.byEnv.dev).toBe(90);
    expect(bucket.logDeliveries).toEqual([
      { service: 'cloudtrail', sourceId: 'quiet', prefix: component('quiet').names.slug },
    ]);
  });

  it('gives the recorder AWS_ConfigRole, delivery to its bucket and its known rules once each', () => {
    const decided = component('recorder').configRecorder!;
    expect(decided).toMatchObject({
      bucketId: 'audit',
      roleId: 'recorder.role',
      rules: ['ENCRYPTED_VOLUMES'],
    });
    expect(role('recorder.role')).toMatchObject({
      assumedBy: 'config.amazonaws.com',
      managedPolicies: ['service-role/AWS_ConfigRole'],
    });
    expect(role('recorder.role')?.statements.flatMap((s) => s.actions)).toContain('s3:PutObject');
  });
});
