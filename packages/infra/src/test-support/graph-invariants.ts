/**
 * Structural checks every lowered graph must pass, whatever the design: references resolve,
 * names are unique and safe, IAM has no wildcards outside the documented exceptions.
 * Returns the problems found (empty = consistent) so a failing test shows all of them.
 */
import type { ResolvedGraph, ResourceRef } from '../types.ts';

const SAFE_LOGICAL_ID = /^[A-Za-z][A-Za-z0-9]*$/;
const SAFE_TF_NAME = /^[a-z][a-z0-9_]*$/;
const SAFE_SLUG = /^[a-z0-9][a-z0-9-]{0,39}$/;
const SG_DESCRIPTION = /^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{1,255}$/;

export function graphProblems(graph: ResolvedGraph): string[] {
  const problems: string[] = [];
  const components = new Map(graph.components.map((c) => [c.id, c]));
  const roles = new Map(graph.roles.map((r) => [r.id, r]));
  const sgs = new Map(graph.securityGroups.map((s) => [s.id, s]));
  const vpcs = new Map(graph.vpcs.map((v) => [v.id, v]));
  const needComponent = (id: string | undefined, where: string) => {
    if (id !== undefined && !components.has(id)) problems.push(`${where}: unknown component "${id}"`);
  };
  const needRef = (ref: ResourceRef, where: string) => needComponent(ref.componentId, where);

  // Names: unique logical ids and Terraform names across everything that is emitted on its own.
  const named = [
    ...graph.vpcs.flatMap((v) => [v.names, ...v.subnets.map((s) => s.names)]),
    ...graph.components.map((c) => c.names),
    ...graph.securityGroups.map((s) => s.names),
    ...graph.roles.map((r) => r.names),
    ...graph.alarms.filter((a) => !components.has(a.id)).map((a) => a.names),
  ];
  const seenLogical = new Set<string>();
  const seenTf = new Set<string>();
  for (const n of named) {
    if (!SAFE_LOGICAL_ID.test(n.logicalId)) problems.push(`unsafe logicalId ${JSON.stringify(n.logicalId)}`);
    if (!SAFE_TF_NAME.test(n.tfName)) problems.push(`unsafe tfName ${JSON.stringify(n.tfName)}`);
    if (!SAFE_SLUG.test(n.slug)) problems.push(`unsafe slug ${JSON.stringify(n.slug)}`);
    if (seenLogical.has(n.logicalId.toLowerCase())) problems.push(`duplicate logicalId ${n.logicalId}`);
    if (seenTf.has(n.tfName)) problems.push(`duplicate tfName ${n.tfName}`);
    seenLogical.add(n.logicalId.toLowerCase());
    seenTf.add(n.tfName);
  }

  for (const c of graph.components) {
    for (const [key, value] of Object.entries(c.props)) {
      const envs = Object.keys(value.byEnv);
      if (envs.join() !== graph.environments.join())
        problems.push(`${c.id}.${key}: byEnv has ${envs.join()}`);
    }
    if (c.securityGroupId && !sgs.has(c.securityGroupId))
      problems.push(`${c.id}: unknown SG ${c.securityGroupId}`);
    for (const roleId of c.roleIds) if (!roles.has(roleId)) problems.push(`${c.id}: unknown role ${roleId}`);
    needComponent(c.logGroupId, `${c.id}.logGroupId`);
    needComponent(c.secretId, `${c.id}.secretId`);
    needComponent(c.deadLetterQueueId, `${c.id}.deadLetterQueueId`);
    needComponent(c.functionDeadLetterQueueId, `${c.id}.functionDeadLetterQueueId`);
    needComponent(c.eventBusId, `${c.id}.eventBusId`);
    needComponent(c.userPoolId, `${c.id}.userPoolId`);
    needComponent(c.outputBucketId, `${c.id}.outputBucketId`);
    needComponent(c.encryption?.keyId, `${c.id}.encryption.keyId`);
    needComponent(c.mskCluster?.scram?.secretId, `${c.id}.mskCluster.scram.secretId`);
    needComponent(c.mskCluster?.scram?.keyId, `${c.id}.mskCluster.scram.keyId`);
    if (c.placement && !vpcs.has(c.placement.vpcId))
      problems.push(`${c.id}: unknown VPC ${c.placement.vpcId}`);
    if (c.derived)
      needComponent(
        c.derived.from === '.graph' || vpcs.has(c.derived.from) ? undefined : c.derived.from,
        `${c.id}.derived.from`,
      );
    for (const v of c.environment) if ('componentId' in v.value) needRef(v.value, `${c.id} env ${v.name}`);
    if (new Set(c.environment.map((v) => v.name)).size !== c.environment.length)
      problems.push(`${c.id}: duplicate env var`);
  }

  for (const vpc of graph.vpcs) {
    if (vpc.flowLogs.enabled) {
      needComponent(vpc.flowLogs.logGroupId ?? '(missing)', `${vpc.id}.flowLogs`);
      if (!roles.has(vpc.flowLogs.roleId ?? '')) problems.push(`${vpc.id}: flow logs without a role`);
    }
    if (vpc.subnets.length !== vpc.tiers.length * vpc.azCount) problems.push(`${vpc.id}: subnet count`);
  }

  for (const sg of graph.securityGroups) {
    needComponent(sg.componentId, `${sg.id}`);
    if (!vpcs.has(sg.vpcId)) problems.push(`${sg.id}: unknown VPC`);
    if (!SG_DESCRIPTION.test(sg.description))
      problems.push(`${sg.id}: bad description ${JSON.stringify(sg.description)}`);
    for (const rule of [...sg.ingress, ...sg.egress]) {
      if (!SG_DESCRIPTION.test(rule.description))
        problems.push(`${sg.id}: bad rule description ${JSON.stringify(rule.description)}`);
      if ('componentId' in rule.peer) {
        const peer = components.get(rule.peer.componentId);
        if (!peer?.securityGroupId) problems.push(`${sg.id}: peer ${rule.peer.componentId} has no SG`);
      } else if (rule.peer.cidr === '0.0.0.0/0') {
        const owner = components.get(sg.componentId);
        if (owner?.type !== 'alb' || ![80, 443].includes(rule.port))
          problems.push(`${sg.id}: open to the internet on ${rule.port}`);
      }
    }
  }

  for (const role of graph.roles) {
    needComponent(role.componentId, role.id);
    if (!/^[a-z0-9.-]+\.amazonaws\.com$/.test(role.assumedBy))
      problems.push(`${role.id}: trust ${role.assumedBy}`);
    const sids = new Set<string>();
    for (const s of role.statements) {
      if (!/^[A-Za-z0-9]+$/.test(s.sid)) problems.push(`${role.id}: sid ${s.sid}`);
      if (sids.has(s.sid)) problems.push(`${role.id}: duplicate sid ${s.sid}`);
      sids.add(s.sid);
      for (const a of s.actions)
        if (!/^[a-z0-9-]+:[A-Za-z0-9]+$/.test(a)) problems.push(`${role.id}: action ${a}`);
      if (s.resources.length === 0 && !s.wildcardResource) problems.push(`${role.id}/${s.sid}: no resources`);
      if (s.resources.length > 0 && s.wildcardResource) problems.push(`${role.id}/${s.sid}: both`);
      for (const r of s.resources) needRef(r, `${role.id}/${s.sid}`);
    }
  }

  for (const g of graph.grants) {
    needComponent(g.granteeId, 'grant');
    needComponent(g.targetId, 'grant');
    const role = roles.get(g.roleId ?? '');
    if (!role) problems.push(`grant to unknown role ${g.roleId}`);
    else if (role.componentId !== g.granteeId)
      problems.push(`grant role ${g.roleId} is not ${g.granteeId}'s`);
    if (g.statements.length === 0) problems.push(`grant ${g.granteeId}->${g.targetId} without statements`);
    for (const s of g.statements) for (const r of s.resources) needRef(r, 'grant');
  }

  for (const e of graph.eventSources)
    [e.functionId, e.sourceId, e.sourceAccess?.secretId].forEach((id) =>
      needComponent(id, `event source ${e.id}`),
    );
  for (const s of graph.subscriptions)
    [s.topicId, s.subscriberId, s.deadLetterQueueId].forEach((id) =>
      needComponent(id, `subscription ${s.id}`),
    );
  for (const t of graph.ruleTargets) {
    [t.ruleId, t.targetId, t.deadLetterQueueId].forEach((id) => needComponent(id, `rule target ${t.id}`));
    if (t.roleId && !roles.has(t.roleId)) problems.push(`rule target ${t.id}: unknown role`);
  }
  for (const r of graph.routes)
    [r.frontDoorId, r.targetId].forEach((id) => needComponent(id, `route ${r.id}`));
  for (const a of graph.alarms) {
    needComponent(a.targetId, `alarm ${a.id}`);
    needComponent(a.topicId, `alarm ${a.id}`);
    needRef(a.dimension.ref, `alarm ${a.id}`);
  }
  for (const n of graph.bucketNotifications ?? [])
    [n.bucketId, n.targetId].forEach((id) => needComponent(id, `notification ${n.id}`));
  return problems;
}
