/**
 * A CDK app's cloud assembly (cdk.out): the stacks named in manifest.json (or every
 * `*.template.json`), each read as a CloudFormation template. Construct paths give node names:
 * from each resource's `aws:cdk:path` metadata, checked against tree.json (which says which
 * constructs exist and their L2 class), `MyStack/Orders/Queue/Resource` naming the node
 * "Orders/Queue".
 */
import type { DesignGroup } from '@archgen/model';
import type { ImportProblem, ImportResult, SourceFile } from '../report.ts';
import { IdPool, ImportInputError, assemble, importTemplate, parseOrThrow } from './index.ts';
import type { TemplatePieces } from './import.ts';

const base = (path: string) => path.split('/').pop()!;

/** The stack template files the manifest names, in its order; all templates when it names none. */
function stackTemplates(files: SourceFile[], problems: ImportProblem[]): SourceFile[] {
  const templates = files.filter((f) => f.path.endsWith('.template.json'));
  const manifest = files.find((f) => base(f.path) === 'manifest.json');
  if (!manifest) {
    problems.push({
      severity: 'info',
      message: 'no manifest.json: every *.template.json is read as a stack',
    });
    return templates;
  }
  try {
    const data = JSON.parse(manifest.text) as {
      artifacts?: Record<string, { type?: string; properties?: { templateFile?: string } }>;
    };
    const named = Object.values(data.artifacts ?? {})
      .filter((a) => a.type === 'aws:cloudformation:stack' && a.properties?.templateFile)
      .map((a) => a.properties!.templateFile!);
    const picked = named
      .map((n) => templates.find((t) => base(t.path) === base(n)))
      .filter((t): t is SourceFile => !!t);
    const missing = named.filter((n) => !templates.some((t) => base(t.path) === base(n)));
    if (missing.length > 0)
      problems.push({
        severity: 'warning',
        message: `manifest.json names templates that were not given: ${missing.join(', ')}`,
        file: manifest.path,
      });
    return picked.length > 0 ? picked : templates;
  } catch {
    problems.push({
      severity: 'warning',
      message: 'manifest.json is not valid JSON; every *.template.json is read as a stack',
      file: manifest.path,
    });
    return templates;
  }
}

/** Every construct path tree.json holds. */
function treePaths(files: SourceFile[], problems: ImportProblem[]): Set<string> | undefined {
  const tree = files.find((f) => base(f.path) === 'tree.json');
  if (!tree) return undefined;
  const paths = new Set<string>();
  try {
    const walk = (n: { path?: string; children?: Record<string, unknown> }) => {
      if (typeof n.path === 'string') paths.add(n.path);
      for (const child of Object.values(n.children ?? {})) walk(child as typeof n);
    };
    walk((JSON.parse(tree.text) as { tree: { children?: Record<string, unknown> } }).tree);
  } catch {
    problems.push({
      severity: 'warning',
      message: 'tree.json is not valid JSON; names come from the templates alone',
      file: tree.path,
    });
    return undefined;
  }
  return paths;
}

/** "Stack/Orders/Queue/Resource" -> "Orders/Queue". */
export function constructName(path: string): string {
  const parts = path.split('/');
  parts.shift();
  if (parts.length > 1 && (parts[parts.length - 1] === 'Resource' || parts[parts.length - 1] === 'Default'))
    parts.pop();
  return parts.join('/') || path;
}

/** "Stack/Orders/Queue/Resource" -> "Stack/Orders": the construct directly under the stack. */
export function topConstructPath(path: string): string | undefined {
  const parts = path.split('/');
  // A resource right under the stack ("Stack/Queue/Resource" included) has no construct of its own.
  if (parts.length < 3 || (parts.length === 3 && ['Resource', 'Default'].includes(parts[2]!)))
    return undefined;
  return `${parts[0]}/${parts[1]}`;
}

/**
 * Groups for the constructs directly under a stack that hold several nodes (an "Orders" construct
 * with its queue, function and table); a construct with a single node is just that node's name.
 */
function constructGroups(
  pieces: readonly TemplatePieces[],
  topConstructs: readonly Map<string, string>[],
  ids: IdPool,
): DesignGroup[] {
  const members = new Map<string, string[]>();
  pieces.forEach((p, i) => {
    for (const entry of p.resources) {
      const { outcome } = entry;
      if ((outcome.kind !== 'node' && outcome.kind !== 'kept') || !outcome.nodeId) continue;
      const construct = topConstructs[i]!.get(entry.sourceId);
      // A node the template's own metadata already groups stays in that group.
      const grouped = p.nodes.some((n) => n.id === outcome.nodeId && n.group !== undefined);
      if (construct && !grouped) members.set(construct, [...(members.get(construct) ?? []), outcome.nodeId]);
    }
  });
  const groups: DesignGroup[] = [];
  for (const [path, nodeIds] of members) {
    if (nodeIds.length < 2) continue;
    const group: DesignGroup = {
      id: ids.claim(`construct-${path.split('/')[1]}`),
      name: path.split('/')[1]!.slice(0, 256),
      kind: 'cdk-construct',
      source: path.slice(0, 1024),
    };
    groups.push(group);
    for (const p of pieces) for (const node of p.nodes) if (nodeIds.includes(node.id)) node.group = group.id;
  }
  return groups;
}

export function importCdkOut(files: SourceFile[]): ImportResult {
  const problems: ImportProblem[] = [];
  const stacks = stackTemplates(files, problems);
  if (stacks.length === 0)
    throw new ImportInputError('no *.template.json in the cloud assembly (is this a cdk.out folder?)');
  const tree = treePaths(files, problems);
  if (!tree)
    problems.push({
      severity: 'info',
      message: 'no tree.json: node names come from aws:cdk:path metadata alone',
    });
  const ids = new IdPool();
  const all: TemplatePieces[] = [];
  const topConstructs: Map<string, string>[] = [];
  let missingPaths = 0;
  for (const file of stacks) {
    const parsed = parseOrThrow(file);
    problems.push(...parsed.problems);
    const constructPaths = new Map<string, string>();
    const tops = new Map<string, string>();
    for (const [id, def] of Object.entries(
      parsed.template.Resources as Record<string, Record<string, unknown>>,
    )) {
      const path = (def?.Metadata as Record<string, unknown> | undefined)?.['aws:cdk:path'];
      if (typeof path === 'string') {
        constructPaths.set(id, constructName(path));
        const top = topConstructPath(path);
        if (top) tops.set(id, top);
        if (tree && !tree.has(path))
          problems.push({
            severity: 'info',
            message: `${id}: construct ${path} is not in tree.json`,
            file: file.path,
            sourceId: id,
          });
      } else if (def?.Type !== 'AWS::CDK::Metadata') missingPaths++;
    }
    all.push(importTemplate(file.path, parsed.template, { constructPaths }, ids));
    topConstructs.push(tops);
  }
  const groups = constructGroups(all, topConstructs, ids);
  if (missingPaths > 0)
    problems.push({
      severity: 'info',
      message: `${missingPaths} resource(s) have no aws:cdk:path metadata (synthesized with path metadata off): they are named by logical ID`,
    });
  const stackName = base(stacks[0]!.path).replace(/\.template\.json$/, '');
  const result = assemble(
    'cdk',
    stacks.length === 1 ? stackName : `${stackName} and ${stacks.length - 1} more stack(s)`,
    all,
    problems,
  );
  if (groups.length > 0) result.design.groups = [...(result.design.groups ?? []), ...groups];
  return result;
}
