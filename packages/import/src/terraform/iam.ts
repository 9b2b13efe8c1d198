/**
 * IAM policy documents as Terraform writes them: `jsonencode({...})`, a heredoc or string of JSON
 * with `${...}` inside, or an `aws_iam_policy_document` data source. What matters to the design is
 * which actions are allowed on which resources of the configuration.
 */
import { resolveRefs, type Block, type Configuration } from './config.ts';
import { Unknown, collectRefs, evaluate, isKnown, splitTemplate, type Value } from './expr.ts';

export interface Grant {
  actions: string[];
  /** Addresses of the blocks the statement's resources name. */
  targets: string[];
}

/** The Allow statements of the policy held by `raw` (an argument of `block`). */
export function policyGrants(raw: unknown, block: Block, cfg: Configuration, depth = 0): Grant[] {
  if (raw === undefined || raw === null || depth > 4) return [];
  const grants: Grant[] = [];
  const v = evaluate(raw, block.module.scope);
  if (typeof v === 'string') return grantsOfDocument(safeJson(v), block, cfg, new Map());
  if (v instanceof Unknown && v.structure !== undefined)
    return grantsOfDocument(v.structure, block, cfg, new Map());
  // A policy document data source's `.json`.
  for (const address of resolveRefs(collectRefs(raw), block.module, cfg.byAddress, 0)) {
    const doc = cfg.byAddress.get(address);
    if (doc?.type === 'aws_iam_policy_document' && doc.mode === 'data')
      grants.push(...documentDataGrants(doc, cfg, depth));
  }
  if (grants.length > 0) return grants;
  // JSON text with interpolations: put placeholders in, parse, map them back.
  if (typeof raw === 'string') {
    const refs = new Map<string, string[]>();
    let text = '';
    for (const part of splitTemplate(raw)) {
      if (typeof part === 'string') {
        text += part;
        continue;
      }
      const value = evaluate(`\${${part.expr}}`, block.module.scope);
      if (typeof value === 'string' || typeof value === 'number') text += String(value).replace(/"/g, '\\"');
      else {
        const key = `__archgen_ref_${refs.size}__`;
        refs.set(key, resolveRefs(collectRefs(`\${${part.expr}}`), block.module, cfg.byAddress, 0));
        text += key;
      }
    }
    return grantsOfDocument(safeJson(text), block, cfg, refs);
  }
  return grants;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
}

function grantsOfDocument(
  doc: unknown,
  block: Block,
  cfg: Configuration,
  placeholders: Map<string, string[]>,
): Grant[] {
  if (!doc || typeof doc !== 'object') return [];
  const statements = asList((doc as Record<string, unknown>).Statement);
  const grants: Grant[] = [];
  for (const s of statements) {
    if (!s || typeof s !== 'object') continue;
    const st = s as Record<string, unknown>;
    if (st.Effect === 'Deny') continue;
    const actions = asList(st.Action).filter((a): a is string => typeof a === 'string');
    const targets = new Set<string>();
    for (const r of asList(st.Resource)) {
      if (r instanceof Unknown)
        for (const a of resolveRefs(r.refs, block.module, cfg.byAddress, 0)) targets.add(a);
      else if (typeof r === 'string')
        for (const [key, addresses] of placeholders)
          if (r.includes(key)) addresses.forEach((a) => targets.add(a));
    }
    if (actions.length > 0 && targets.size > 0) grants.push({ actions, targets: [...targets] });
  }
  return grants;
}

function documentDataGrants(doc: Block, cfg: Configuration, depth: number): Grant[] {
  const grants: Grant[] = [];
  for (const raw of asList(doc.body.statement)) {
    if (!raw || typeof raw !== 'object') continue;
    const st = raw as Record<string, unknown>;
    const effect: Value = evaluate(st.effect, doc.module.scope);
    if (effect === 'Deny') continue;
    const actionsValue = evaluate(st.actions, doc.module.scope);
    const actions = Array.isArray(actionsValue)
      ? actionsValue.filter((a): a is string => typeof a === 'string')
      : [];
    const targets = resolveRefs(collectRefs(st.resources), doc.module, cfg.byAddress, 0);
    if (actions.length > 0 && targets.length > 0) grants.push({ actions, targets });
  }
  // source_policy_documents / override_policy_documents name other documents.
  for (const key of ['source_policy_documents', 'override_policy_documents', 'source_json']) {
    if (doc.body[key] !== undefined) grants.push(...policyGrants(doc.body[key], doc, cfg, depth + 1));
  }
  return grants.filter((g) => isKnown(g.actions));
}

export type AccessKind = 'read' | 'write' | 'invoke' | 'publish' | 'consume' | 'all';

/** What an action does to its resource, in the design's terms. */
export function accessOf(action: string): AccessKind | undefined {
  const [service, verb = ''] = action.toLowerCase().split(':');
  if (action === '*' || verb === '*') return 'all';
  if (service === 'lambda') return verb.startsWith('invoke') ? 'invoke' : undefined;
  if (service === 'states')
    return verb.startsWith('start')
      ? 'invoke'
      : verb.startsWith('describe') || verb.startsWith('get')
        ? 'read'
        : undefined;
  if (service === 'sqs') {
    if (verb.startsWith('send')) return 'publish';
    if (verb.startsWith('receive') || verb.startsWith('deletemessage') || verb.startsWith('changemessage'))
      return 'consume';
    return verb.startsWith('get') || verb.startsWith('list') ? 'read' : undefined;
  }
  if (service === 'sns')
    return verb.startsWith('publish')
      ? 'publish'
      : verb.startsWith('subscribe')
        ? undefined
        : verb.startsWith('get') || verb.startsWith('list')
          ? 'read'
          : undefined;
  if (service === 'events') return verb.startsWith('putevents') ? 'publish' : undefined;
  if (service === 'kinesis' || service === 'firehose')
    return verb.startsWith('put')
      ? 'write'
      : /^(get|describe|list|subscribe)/.test(verb)
        ? 'read'
        : undefined;
  if (service === 'dynamodb' && /^(getrecords|getsharditerator|describestream|liststreams)/.test(verb))
    return 'consume';
  if (/^(get|list|describe|query|scan|batchget|select|head|read|search|es:esHttpGet)/.test(verb))
    return 'read';
  if (
    /^(put|update|delete|batchwrite|write|create|restore|abort|copy|replicate|transact|partiql|es:esHttpPost)/.test(
      verb,
    )
  )
    return 'write';
  if (verb.endsWith('*')) return 'all';
  return undefined;
}
