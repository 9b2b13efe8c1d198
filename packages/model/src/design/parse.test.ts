import { afterEach, describe, expect, it } from 'vitest';
import { parseDesign, serializeDesign, type DesignError, type ParseResult } from './parse.ts';
import { design } from './factory.ts';
import { DESIGN_SCHEMA_VERSION, isProductionEnvironment, type Design } from './schema.ts';
import { MAX_DESIGN_BYTES, MAX_NESTING_DEPTH, MAX_NODES, MAX_REPORTED_ERRORS, MAX_TAGS } from './limits.ts';

/** A small valid design: ALB -> Fargate -> RDS in a VPC, a queue-driven Lambda outside it. */
function baseDesign(): Design {
  return design('Shop')
    .environments('dev', 'prod')
    .vpc()
    .node('alb', { id: 'web' })
    .node('ecs-fargate', { id: 'api' })
    .node('rds', { id: 'db' })
    .node('sqs', { id: 'jobs' })
    .node('lambda', { id: 'worker' })
    .connect('web', 'api', 'traffic')
    .connect('api', 'db', 'traffic')
    .connect('jobs', 'worker', 'event-source')
    .build();
}

/** The base design as a mutable JSON value, changed by `edit` and then serialised. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests break the document in arbitrary ways
function edited(edit: (doc: any) => void): string {
  const doc = JSON.parse(JSON.stringify(baseDesign()));
  edit(doc);
  return JSON.stringify(doc);
}

function errorsOf(result: ParseResult): DesignError[] {
  if (result.ok) throw new Error(`expected errors, got a design (warnings: ${result.warnings.join('; ')})`);
  return result.errors;
}

function designOf(result: ParseResult): Extract<ParseResult, { ok: true }> {
  if (!result.ok)
    throw new Error(
      `expected a design, got:\n${result.errors.map((e) => `${e.path}: ${e.message}`).join('\n')}`,
    );
  return result;
}

describe('parseDesign: a valid design', () => {
  it('parses, fills defaults, and round-trips through serializeDesign', () => {
    const original = baseDesign();
    const result = designOf(parseDesign(serializeDesign(original)));
    expect(result.migratedFrom).toBeUndefined();
    expect(result.warnings).toEqual([]);
    expect(result.design).toEqual(original);
  });

  it('fills schema defaults a hand-written file leaves out', () => {
    const text = JSON.stringify({
      schemaVersion: DESIGN_SCHEMA_VERSION,
      name: 'Minimal',
      region: 'eu-central-1',
      environments: [{ name: 'dev' }],
      nodes: [{ id: 'bucket', type: 's3', name: 'Bucket' }],
    });
    const { design: parsed } = designOf(parseDesign(text));
    expect(parsed.nodes[0]).toEqual({
      id: 'bucket',
      type: 's3',
      name: 'Bucket',
      properties: {},
      placement: null,
    });
    expect(parsed.environments).toEqual([{ name: 'dev', overrides: {} }]);
    expect(parsed).toMatchObject({
      description: '',
      tags: {},
      vpcs: [],
      connections: [],
      notes: [],
      usage: {},
    });
  });

  it('accepts an already-parsed value the same way as text', () => {
    const original = baseDesign();
    expect(designOf(parseDesign(original)).design).toEqual(original);
  });

  it('warns about keys the schema does not know instead of dropping them quietly', () => {
    const text = edited((doc) => {
      doc.$schema = '../schema/design.schema.json';
      doc.conections = [];
      doc.nodes[1].colour = 'red';
      doc.vpcs[0].nat = true;
    });
    const result = designOf(parseDesign(text));
    expect(result.warnings).toEqual([
      'ignored the unknown key at $.conections',
      'ignored the unknown key at $.vpcs[0].nat',
      'ignored the unknown key at $.nodes[1].colour',
    ]);
    expect(result.design).toEqual(baseDesign());
  });

  it('accepts a leading byte-order mark', () => {
    expect(parseDesign('\uFEFF' + serializeDesign(baseDesign())).ok).toBe(true);
  });
});

describe('parseDesign: size and shape of the raw input', () => {
  it('rejects 10 MB of junk by size, before trying to parse it', () => {
    const junk = 'x'.repeat(10 * 1024 * 1024);
    expect(errorsOf(parseDesign(junk))).toEqual([
      { path: '$', message: 'the file is larger than the 5 MB limit for a design' },
    ]);
  });

  it('measures the limit in UTF-8 bytes, not characters', () => {
    // 3 million "é" are 3 M characters but 6 MB of UTF-8.
    const text = JSON.stringify({ name: 'é'.repeat(3_000_000) });
    expect(text.length).toBeLessThan(MAX_DESIGN_BYTES);
    expect(errorsOf(parseDesign(text))[0]!.message).toMatch(/larger than the 5 MB limit/);
  });

  it('accepts a file just under the limit', () => {
    const text = serializeDesign(baseDesign());
    const padded = text + ' '.repeat(MAX_DESIGN_BYTES - text.length);
    expect(padded.length).toBe(MAX_DESIGN_BYTES);
    expect(parseDesign(padded).ok).toBe(true);
    expect(parseDesign(padded + ' ').ok).toBe(false);
  });

  it('rejects deep nesting without overflowing the stack', () => {
    const brackets = '['.repeat(200_000) + ']'.repeat(200_000);
    expect(errorsOf(parseDesign(brackets))).toEqual([
      { path: '$', message: `the JSON nests deeper than ${MAX_NESTING_DEPTH} levels (line 1, column 65)` },
    ]);
    const deepProperty = edited((doc) => {
      let value: unknown = 'leaf';
      for (let i = 0; i < MAX_NESTING_DEPTH; i++) value = [value];
      doc.nodes[0].properties.deep = value;
    });
    expect(errorsOf(parseDesign(deepProperty))[0]!.message).toMatch(/nests deeper than 64 levels/);
  });

  it('ignores brackets inside strings when measuring depth', () => {
    const text = edited((doc) => {
      doc.description = '['.repeat(1000) + '"\\"{{{';
    });
    expect(designOf(parseDesign(text)).design.description).toBe('['.repeat(1000) + '"\\"{{{');
  });

  it.each([
    ['', 'line 1, column 1: the file is empty'],
    ['   \n  ', 'line 2, column 3: the file is empty'],
    ['{"name": "x",}', 'line 1, column 14: trailing comma before "}"'],
    ['{\n  "name": "x"\n  "region": "y"\n}', 'line 3, column 3: expected "," or "}" but found "\\""'],
    ['{\n  "a": tru\n}', 'line 2, column 8: unexpected word "tru" (text needs double quotes)'],
    ["{'a': 1}", 'line 1, column 2: expected a property name in double quotes but found "\'"'],
    [
      '{"a": "line\nbreak"}',
      'line 1, column 12: unescaped control character (such as a line break) in string',
    ],
    ['{"a": "\\x"}', 'line 1, column 8: invalid escape "\\x" in string'],
    ['{"a": [1, 2', 'line 1, column 12: expected "," or "]" but found the end of the file'],
    ['{"a": "unterminated', 'line 1, column 20: unterminated string'],
    ['{"a": -}', 'line 1, column 7: invalid number'],
    ['{} {}', 'line 1, column 4: unexpected "{" after the end of the design'],
  ])('reports the line and column of a syntax error in %j', (text, where) => {
    expect(errorsOf(parseDesign(text))).toEqual([{ path: '$', message: `invalid JSON at ${where}` }]);
  });

  it.each([
    ['[]', 'must be an object, not a list'],
    ['42', 'must be an object, not 42'],
    ['null', 'must be an object, not null'],
    ['"design"', 'must be an object, not "design"'],
  ])('rejects %s as a whole', (text, message) => {
    expect(errorsOf(parseDesign(text))).toEqual([{ path: '$', message }]);
  });

  it('rejects values that are not JSON', () => {
    expect(errorsOf(parseDesign(undefined))).toEqual([{ path: '$', message: 'no design was given' }]);
    const circular: Record<string, unknown> = { name: 'loop' };
    circular.self = circular;
    expect(errorsOf(parseDesign(circular))[0]!.message).toMatch(/cannot be read as JSON/);
    expect(errorsOf(parseDesign({ big: 1n }))[0]!.message).toMatch(/cannot be read as JSON/);
  });
});

describe('parseDesign: hostile keys', () => {
  afterEach(() => {
    // If a test did pollute, clean up so the rest of the suite is not affected, then fail loudly.
    const proto = Object.prototype as Record<string, unknown>;
    const polluted = 'polluted' in proto;
    delete proto.polluted;
    expect(polluted).toBe(false);
  });

  const pollutingDesign = (): string => {
    const text = serializeDesign(
      design('Evil')
        .vpc()
        .node('lambda', { id: 'fn' })
        .override('prod', 'fn', { memorySize: 1024 })
        .tag('team', 'a')
        .build(),
    );
    const hostile = '"__proto__": {"polluted": 1}';
    // Insert the same payload at several depths: top level, a node, its properties, an
    // environment's overrides, one override record, the tags, a VPC, plus "constructor.prototype".
    return text
      .replace(
        '"schemaVersion"',
        `${hostile}, "constructor": {"prototype": {"polluted": 1}}, "schemaVersion"`,
      )
      .replace('"id": "fn"', `${hostile}, "id": "fn"`)
      .replace('"properties": {}', `"properties": {${hostile}}`)
      .replace('"overrides": {\n', `"overrides": {${hostile},\n`)
      .replace('"memorySize": 1024', `"memorySize": 1024, ${hostile}, "prototype": {"polluted": 1}`)
      .replace('"team": "a"', `"team": "a", ${hostile}`)
      .replace('"id": "main"', `${hostile}, "id": "main"`);
  };

  it('drops __proto__, constructor and prototype keys at every depth and leaves prototypes clean', () => {
    const text = pollutingDesign();
    expect(text.match(/__proto__/g)).toHaveLength(7);
    const result = designOf(parseDesign(text));

    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const fn = result.design.nodes[0]!;
    expect(Object.keys(fn.properties)).toEqual([]);
    expect(Object.getPrototypeOf(fn)).toBe(Object.prototype);
    expect(result.design.environments.find((e) => e.name === 'prod')!.overrides.fn).toEqual({
      memorySize: 1024,
    });
    expect(Object.keys(result.design.tags)).toEqual(['team']);

    // Consumers that merge naively still cannot be reached.
    const merged = Object.assign({}, ...result.design.environments.map((e) => e.overrides));
    for (const key in result.design.tags) merged[key] = result.design.tags[key];
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });

  it('says where each key was dropped', () => {
    const { warnings } = designOf(parseDesign(pollutingDesign()));
    const paths = warnings.map((w) => /ignored the key at (\S+):/.exec(w)?.[1]).sort();
    expect(paths).toEqual(
      [
        '$.__proto__',
        '$.constructor',
        '$.environments[2].overrides.__proto__',
        '$.environments[2].overrides.fn.__proto__',
        '$.environments[2].overrides.fn.prototype',
        '$.nodes[0].__proto__',
        '$.nodes[0].properties.__proto__',
        '$.tags.__proto__',
        '$.vpcs[0].__proto__',
      ].sort(),
    );
  });

  it('keeps tags named constructor, prototype and __proto__ (valid AWS tag keys) as plain data', () => {
    const text = serializeDesign(design('Tagged').tag('team', 'a').build()).replace(
      '"team": "a"',
      '"team": "a", "constructor": "c", "prototype": "p", "__proto__": "x"',
    );
    const result = designOf(parseDesign(text));
    const tags = result.design.tags;
    expect(Object.keys(tags).sort()).toEqual(['__proto__', 'constructor', 'prototype', 'team']);
    expect(Object.getPrototypeOf(tags)).toBeNull();
    expect(Object.getOwnPropertyDescriptor(tags, '__proto__')?.value).toBe('x');
    expect(tags.constructor).toBe('c');
    expect(result.warnings.filter((w) => w.includes('$.tags'))).toEqual([]);
    // Written and read again, they survive.
    expect(Object.keys(designOf(parseDesign(serializeDesign(result.design))).design.tags)).toHaveLength(4);
    expect(Object.prototype).not.toHaveProperty('x');
  });

  it('treats an already-parsed object with an own __proto__ key the same way', () => {
    const value = JSON.parse(serializeDesign(baseDesign()));
    value.nodes[0].properties = JSON.parse('{"__proto__": {"polluted": 1}, "scheme": "internet-facing"}');
    const result = designOf(parseDesign(value));
    expect(result.design.nodes[0]!.properties).toEqual({ scheme: 'internet-facing' });
    expect(result.warnings).toEqual([
      'ignored the key at $.nodes[0].properties.__proto__: "__proto__", "constructor" and "prototype" are not allowed as keys',
    ]);
  });

  it('returns records without a prototype, so inherited names are not data', () => {
    const { design: parsed } = designOf(
      parseDesign(
        edited((doc) => {
          doc.nodes.push({ id: 'toString', type: 's3', name: 'Oddly named' });
        }),
      ),
    );
    expect(parsed.environments[0]!.overrides['toString']).toBeUndefined();
    expect(parsed.environments[0]!.overrides['hasOwnProperty']).toBeUndefined();
    expect(parsed.tags['valueOf']).toBeUndefined();
    expect(parsed.usage['toString']).toBeUndefined();
    expect(parsed.nodes[0]!.properties['constructor']).toBeUndefined();
  });

  it('reserves "constructor" and "prototype" as ids, since such keys are dropped', () => {
    const text = edited((doc) => {
      doc.nodes[3].id = 'constructor';
      doc.connections[2].from = 'constructor';
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      { path: '$.nodes[3].id', message: '"constructor" is reserved; choose another id' },
    ]);
  });
});

describe('parseDesign: schema errors name the exact path', () => {
  it('reports wrong types and values with readable messages', () => {
    const text = edited((doc) => {
      doc.name = 5;
      doc.region = 'moon-base-1x';
      doc.vpcs[0].azCount = 4;
      doc.vpcs[0].tiers = ['public', 'dmz'];
      doc.nodes[3].placement = { vpcId: 'main', tier: 'basement' };
      doc.nodes[1].name = '';
      doc.connections[0].port = 70000;
      doc.environments[1].account = '12345';
      delete doc.nodes[2].type;
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      { path: '$.name', message: 'must be text, not 5' },
      { path: '$.region', message: 'must be an AWS region like us-east-1 (got "moon-base-1x")' },
      { path: '$.environments[1].account', message: 'must match /^\\d{12}$/ (got "12345")' },
      { path: '$.vpcs[0].azCount', message: 'must be at most 3, not 4' },
      { path: '$.vpcs[0].tiers[1]', message: 'must be one of "public", "private", "isolated", not "dmz"' },
      { path: '$.nodes[1].name', message: 'must not be empty' },
      { path: '$.nodes[2].type', message: 'is required (text)' },
      {
        path: '$.nodes[3].placement.tier',
        message: 'must be one of "public", "private", "isolated", not "basement"',
      },
      { path: '$.connections[0].port', message: 'must be at most 65535, not 70000' },
    ]);
  });

  it('reports bad record keys and property values inside nested records', () => {
    const text = edited((doc) => {
      doc.environments[0].overrides = { '9lives': {} };
      doc.tags = { '': 'empty key' };
      doc.nodes[4].properties = {
        handler: 'h'.repeat(5000),
        nested: { list: [{ ok: true }, {}] },
        bad: { deep: [undefined] },
      };
    });
    const errors = errorsOf(parseDesign(text));
    expect(errors).toContainEqual({
      path: '$.environments[0].overrides["9lives"]',
      message:
        'the key "9lives" must start with a letter and use only letters, digits, "-" and "_" (got "9lives")',
    });
    expect(errors).toContainEqual({ path: '$.tags[""]', message: 'the key "" must not be empty' });
    expect(errors).toContainEqual({
      path: '$.nodes[4].properties.handler',
      message: 'must be at most 4096 characters long',
    });
    // JSON turns the undefined into null, which is a valid property value: no error for it.
    expect(errors.some((e) => e.path.startsWith('$.nodes[4].properties.bad'))).toBe(false);
  });

  it('requires at least one environment and a schemaVersion', () => {
    expect(errorsOf(parseDesign(edited((doc) => (doc.environments = []))))).toEqual([
      { path: '$.environments', message: 'must have at least 1 item' },
    ]);
    expect(errorsOf(parseDesign(edited((doc) => delete doc.schemaVersion)))).toEqual([
      { path: '$.schemaVersion', message: `must be ${DESIGN_SCHEMA_VERSION}, not nothing` },
    ]);
  });

  it(`stops at ${MAX_REPORTED_ERRORS} errors and says how many more there are`, () => {
    const text = edited((doc) => {
      for (let i = 0; i < 80; i++) doc.nodes.push({ id: `n${i}`, type: 's3', name: 7 });
    });
    const errors = errorsOf(parseDesign(text));
    expect(errors).toHaveLength(MAX_REPORTED_ERRORS);
    expect(errors[0]).toEqual({ path: '$.nodes[5].name', message: 'must be text, not 7' });
    expect(errors.at(-1)).toEqual({
      path: '$',
      message: `and ${80 - (MAX_REPORTED_ERRORS - 1)} more errors not shown`,
    });
  });
});

describe('parseDesign: count limits', () => {
  it('rejects too many nodes with the limit in the message, before schema validation', () => {
    const text = edited((doc) => {
      doc.nodes = Array.from({ length: MAX_NODES + 1 }, () => ({ junk: true }));
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      {
        path: '$.nodes',
        message: `a design holds at most ${MAX_NODES} nodes; this one has ${MAX_NODES + 1}`,
      },
    ]);
  });

  it('accepts exactly the node limit', () => {
    const text = edited((doc) => {
      doc.nodes = Array.from({ length: MAX_NODES }, (_, i) => ({
        id: `b${i}`,
        type: 's3',
        name: `Bucket ${i}`,
      }));
      doc.connections = [];
    });
    expect(designOf(parseDesign(text)).design.nodes).toHaveLength(MAX_NODES);
  });

  it('limits VPCs, environments and tags', () => {
    const text = edited((doc) => {
      doc.vpcs = Array.from({ length: 6 }, (_, i) => ({ ...doc.vpcs[0], id: `v${i}` }));
      doc.environments = Array.from({ length: 11 }, (_, i) => ({ name: `e${i}` }));
      doc.tags = Object.fromEntries(Array.from({ length: MAX_TAGS + 1 }, (_, i) => [`k${i}`, 'v']));
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      { path: '$.vpcs', message: 'a design holds at most 5 VPCs; this one has 6' },
      { path: '$.environments', message: 'a design holds at most 10 environments; this one has 11' },
      { path: '$.tags', message: `a design holds at most ${MAX_TAGS} tags; this one has ${MAX_TAGS + 1}` },
    ]);
  });

  it('warns when the tags exceed what AWS allows on one resource', () => {
    const text = edited((doc) => {
      doc.tags = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']));
    });
    expect(designOf(parseDesign(text)).warnings).toEqual([
      'the design has 51 tags; AWS allows 50 per resource, so deployment will fail',
    ]);
  });
});

describe('parseDesign: references and catalog rules', () => {
  it('reports an unknown service type, suggesting a near match', () => {
    const errors = errorsOf(parseDesign(edited((doc) => (doc.nodes[4].type = 'lamda'))));
    expect(errors).toEqual([
      { path: '$.nodes[4].type', message: 'unknown service type "lamda" (did you mean "lambda"?)' },
    ]);
    const far = errorsOf(parseDesign(edited((doc) => (doc.nodes[4].type = 'mainframe'))));
    expect(far).toEqual([{ path: '$.nodes[4].type', message: 'unknown service type "mainframe"' }]);
  });

  it('reports dangling connection ends', () => {
    const text = edited((doc) => {
      doc.connections[0].to = 'ghost';
      doc.connections[1].from = 'main';
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      { path: '$.connections[0].to', message: 'no node with id "ghost"' },
      { path: '$.connections[1].from', message: '"main" is a VPC; connections join nodes' },
    ]);
  });

  it('reports a connection kind the target does not accept from that source', () => {
    const text = edited((doc) => {
      doc.connections[2] = { id: 'bad', from: 'worker', to: 'jobs', kind: 'event-source' };
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      {
        path: '$.connections[2].kind',
        message:
          'lambda cannot event-source into sqs: from lambda to sqs the allowed kinds are publish (sqs -> lambda is allowed: swap the ends)',
      },
    ]);
    const none = edited((doc) => doc.connections.push({ id: 'x', from: 'db', to: 'jobs', kind: 'read' }));
    expect(errorsOf(parseDesign(none))).toEqual([
      {
        path: '$.connections[3].kind',
        message: 'rds cannot read into sqs: sqs accepts no connection from rds',
      },
    ]);
  });

  it('rejects a connection from a node to itself', () => {
    const text = edited((doc) =>
      doc.connections.push({ id: 'loop', from: 'worker', to: 'worker', kind: 'invoke' }),
    );
    expect(errorsOf(parseDesign(text))).toEqual([
      { path: '$.connections[3]', message: 'a connection cannot start and end at the same node ("worker")' },
    ]);
  });

  it('warns about a repeated connection', () => {
    const text = edited((doc) => doc.connections.push({ ...doc.connections[0], id: 'again' }));
    expect(designOf(parseDesign(text)).warnings).toEqual([
      '$.connections[3] repeats a traffic connection from "web" to "api"',
    ]);
  });

  it('refuses placements that cannot be drawn: a missing VPC or tier', () => {
    const text = edited((doc) => {
      doc.vpcs[0].tiers = ['public', 'private'];
      doc.nodes[0].placement = { vpcId: 'elsewhere', tier: 'public' }; // web: no such VPC
      doc.nodes[2].placement = { vpcId: 'main', tier: 'isolated' }; // db: tier missing in the VPC
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      { path: '$.nodes[0].placement.vpcId', message: 'no VPC with id "elsewhere"' },
      {
        path: '$.nodes[2].placement.tier',
        message: 'VPC "main" has no isolated subnets (it has public, private)',
      },
    ]);
  });

  it('opens a design whose placements the catalog forbids, so the rules can flag and fix them', () => {
    const text = edited((doc) => {
      doc.nodes[1].placement = { vpcId: 'main', tier: 'public' }; // api: Fargate belongs in private
      doc.nodes[3].placement = { vpcId: 'main', tier: 'private' }; // jobs: SQS is regional
    });
    const parsed = designOf(parseDesign(text));
    expect(parsed.design.nodes[1]!.placement).toEqual({ vpcId: 'main', tier: 'public' });
    expect(parsed.design.nodes[3]!.placement).toEqual({ vpcId: 'main', tier: 'private' });
    const unplaced = edited((doc) => (doc.nodes[2].placement = null));
    expect(designOf(parseDesign(unplaced)).design.nodes[2]!.placement).toBeNull();
  });

  it('reports an invalid VPC CIDR the schema pattern lets through', () => {
    expect(errorsOf(parseDesign(edited((doc) => (doc.vpcs[0].cidr = '10.0.0.300/16'))))).toEqual([
      {
        path: '$.vpcs[0].cidr',
        message: '"10.0.0.300/16" is not a valid IPv4 CIDR (octets 0-255, prefix 0-32)',
      },
    ]);
  });

  it('warns when the region has fewer AZs than the VPC asks for', () => {
    const text = edited((doc) => {
      doc.region = 'us-west-1';
      doc.vpcs[0].azCount = 3;
    });
    expect(designOf(parseDesign(text)).warnings).toEqual([
      'VPC "main" uses 3 AZs but us-west-1 has only 2 by default',
    ]);
  });

  it('reports ids used twice, across collections', () => {
    const text = edited((doc) => {
      doc.nodes[1].id = 'web'; // same as nodes[0]
      doc.connections[0].id = 'main'; // same as the VPC
      doc.notes = [{ id: 'db', targetId: 'worker', text: 'x' }];
    });
    const errors = errorsOf(parseDesign(text));
    expect(errors.slice(0, 3)).toEqual([
      { path: '$.nodes[1].id', message: 'id "web" is already used at $.nodes[0].id' },
      { path: '$.connections[0].id', message: 'id "main" is already used at $.vpcs[0].id' },
      { path: '$.notes[0].id', message: 'id "db" is already used at $.nodes[2].id' },
    ]);
  });

  it('reports notes pinned to nothing, and warns about accepted risks and usage for nothing', () => {
    const pinned = edited((doc) => (doc.notes = [{ id: 'n1', targetId: 'gone', text: 'hello' }]));
    expect(errorsOf(parseDesign(pinned))).toEqual([
      {
        path: '$.notes[0].targetId',
        message: 'the note is pinned to "gone", which is no node, connection or VPC',
      },
    ]);
    const loose = edited((doc) => {
      doc.acceptedRisks = [{ ruleId: 'S3-01', targetId: 'gone', reason: 'legacy' }];
      doc.usage = { gone: { requests: 5 } };
    });
    expect(designOf(parseDesign(loose)).warnings).toEqual([
      '$.acceptedRisks[0] accepts S3-01 for "gone", which is not in the design; it has no effect',
      '$.usage.gone is for "gone", which is no node; it is ignored',
    ]);
  });
});

describe('parseDesign: property values and environments', () => {
  it('validates node properties against the catalog', () => {
    const text = edited((doc) => {
      doc.nodes[4].properties = { memorySize: 64, runtime: 'cobol', 'no such': 1 };
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      {
        path: '$.nodes[4].properties.runtime',
        message: expect.stringMatching(/^Runtime must be one of nodejs22\.x, /),
      },
      { path: '$.nodes[4].properties.memorySize', message: 'Memory must be at least 128' },
      { path: '$.nodes[4].properties["no such"]', message: 'Lambda function has no property "no such"' },
    ]);
  });

  it("validates a connection's settings against the catalog at their own path", () => {
    const text = serializeDesign(
      design('Batching')
        .node('sqs', { id: 'q' })
        .node('lambda', { id: 'fn' })
        .node('sns', { id: 'topic' })
        .connect('q', 'fn', 'event-source', { properties: { batchSize: 100 } })
        .connect('fn', 'topic', 'publish', { properties: { batchSize: 5 } })
        .build(),
    );
    expect(errorsOf(parseDesign(text))).toEqual([
      {
        path: '$.connections[0].properties.batchSize',
        message: 'A batch size above 10 needs a batching window of at least 1 second',
      },
      {
        path: '$.connections[1].properties.batchSize',
        message: 'The publish connection from lambda to sns has no property "batchSize"',
      },
    ]);
    const ok = serializeDesign(
      design('Batching')
        .node('sqs', { id: 'q' })
        .node('lambda', { id: 'fn' })
        .connect('q', 'fn', 'event-source', { properties: { batchSize: 100, maxBatchingWindowSeconds: 5 } })
        .build(),
    );
    expect(designOf(parseDesign(ok)).design.connections[0]!.properties).toEqual({
      batchSize: 100,
      maxBatchingWindowSeconds: 5,
    });
  });

  it('refuses an environment override of a setting that is the same everywhere, and checks error lists', () => {
    const text = serializeDesign(
      design('Flow')
        .environments('dev', 'prod')
        .node('step-functions', {
          id: 'flow',
          properties: {
            retries: [
              { errorName: 'States.ALL', maxAttempts: 2, intervalSeconds: 1, backoffRate: 2 },
              { errorName: 'States.Timeout', maxAttempts: 2, intervalSeconds: 1, backoffRate: 2 },
            ],
          },
        })
        .override('prod', 'flow', { catches: [] })
        .build(),
    );
    expect(errorsOf(parseDesign(text))).toEqual([
      {
        path: '$.nodes[0].properties.retries[0].errorName',
        message: 'States.ALL matches every error: it must be the last row',
      },
      {
        path: '$.environments[1].overrides.flow.catches',
        message: 'Catches by error is the same in every environment: set it on the node, not per environment',
      },
    ]);
  });

  it('validates per-environment overrides at their own path', () => {
    const text = serializeDesign(
      design('Envs')
        .environments('dev', 'prod')
        .node('lambda', { id: 'api' })
        .override('prod', 'api', { memorySize: 99999, tracing: 'yes' })
        .build(),
    );
    expect(errorsOf(parseDesign(text))).toEqual([
      { path: '$.environments[1].overrides.api.memorySize', message: 'Memory must be at most 10240' },
      { path: '$.environments[1].overrides.api.tracing', message: 'X-Ray tracing must be true or false' },
    ]);
  });

  it('checks cross-field rules on the merged values an environment gets', () => {
    const text = serializeDesign(
      design('Fargate')
        .environments('dev', 'prod')
        .vpc()
        .node('ecs-fargate', { id: 'app', properties: { cpu: '256', memoryMiB: 512 } })
        .override('prod', 'app', { cpu: '4096' })
        .build(),
    );
    const errors = errorsOf(parseDesign(text));
    expect(errors).toHaveLength(1);
    expect(errors[0]!.path).toBe('$.environments[1].overrides.app');
    expect(errors[0]!.message).toMatch(
      /^with these overrides, Fargate does not offer 512 MiB with 4096 CPU units/,
    );
  });

  it('does not repeat a node problem under every environment', () => {
    const text = serializeDesign(
      design('Once')
        .node('lambda', { id: 'fn', properties: { memorySize: 1 } })
        .override('prod', 'fn', { timeoutSeconds: 60 })
        .build(),
    );
    expect(errorsOf(parseDesign(text))).toEqual([
      { path: '$.nodes[0].properties.memorySize', message: 'Memory must be at least 128' },
    ]);
  });

  it('reports overrides for unknown ids and checks VPC overrides', () => {
    const text = edited((doc) => {
      doc.environments[0].overrides = {
        ghost: { memorySize: 256 },
        main: { azCount: 5, cidr: '10.9.0.0/16' },
      };
      doc.environments[1].overrides = { main: { azCount: 3, flowLogs: false } };
    });
    expect(errorsOf(parseDesign(text))).toEqual([
      {
        path: '$.environments[0].overrides.ghost',
        message: 'overrides name "ghost", which is no node or VPC in this design',
      },
      { path: '$.environments[0].overrides.main.azCount', message: 'must be at most 3, not 5' },
      {
        path: '$.environments[0].overrides.main.cidr',
        message: 'a VPC override may set azCount or flowLogs, not "cidr"',
      },
    ]);
  });

  it('reports an environment defined twice', () => {
    const text = edited((doc) => doc.environments.push({ name: 'dev', overrides: {} }));
    expect(errorsOf(parseDesign(text))).toEqual([
      {
        path: '$.environments[2].name',
        message: 'environment "dev" is defined twice (also $.environments[0])',
      },
    ]);
  });
});

describe('parseDesign: versions', () => {
  it('migrates a version 1 file and says so', () => {
    const v1 = {
      version: 1,
      name: 'Legacy',
      region: 'us-east-1',
      vpc: { cidr: '10.0.0.0/16', azs: 2 },
      services: [
        { id: 'fn', type: 'lambda', name: 'Fn', properties: { memorySize: 256 }, subnet: 'private' },
        { id: 'q', type: 'sqs', name: 'Queue', properties: {}, subnet: null },
      ],
      links: [{ source: 'q', target: 'fn', type: 'event-source' }],
      environments: ['dev', 'prod'],
    };
    const result = designOf(parseDesign(JSON.stringify(v1)));
    expect(result.migratedFrom).toBe(1);
    expect(result.design.schemaVersion).toBe(DESIGN_SCHEMA_VERSION);
    expect(result.design.nodes.map((n) => [n.id, n.placement])).toEqual([
      ['fn', { vpcId: 'main', tier: 'private' }],
      ['q', null],
    ]);
    expect(result.design.connections).toEqual([{ id: 'link-1', from: 'q', to: 'fn', kind: 'event-source' }]);
    expect(result.design.environments.map((e) => e.name)).toEqual(['dev', 'prod']);
  });

  it('validates a migrated file like any other, with current paths', () => {
    const v1 = {
      version: 1,
      name: 'Legacy',
      region: 'us-east-1',
      services: [{ id: 'x', type: 'nope', name: 'X', subnet: null }],
    };
    expect(errorsOf(parseDesign(JSON.stringify(v1)))).toEqual([
      { path: '$.nodes[0].type', message: 'unknown service type "nope"' },
    ]);
  });

  it('refuses a file from a newer version', () => {
    const future = JSON.stringify({ schemaVersion: 99, name: 'Tomorrow' });
    expect(errorsOf(parseDesign(future))).toEqual([
      {
        path: '$.schemaVersion',
        message:
          'this design was saved by a newer archgen (schema version 99); this build reads versions up to 4. Update archgen to open it',
      },
    ]);
    // Machine-readable too, so the app can keep such a document instead of discarding it.
    const result = parseDesign(future);
    expect(result.ok ? null : result.newerVersion).toEqual({ found: 99, supported: 4 });
    const broken = parseDesign('{"schemaVersion": 2, "name": "trunc');
    expect(broken.ok ? null : broken.newerVersion).toBeUndefined();
  });
});

describe('parseDesign: explicit subnet CIDRs', () => {
  const withCidrs = (subnetCidrs: unknown) =>
    edited((doc) => {
      doc.vpcs[0].subnetCidrs = subnetCidrs;
    });

  it('reads them, and a version 2 file (which has none) still opens', () => {
    const cidrs = { public: ['10.0.1.0/24', '10.0.2.0/24'], isolated: ['10.0.100.0/24', '10.0.200.0/24'] };
    const result = designOf(parseDesign(withCidrs(cidrs)));
    expect(result.warnings).toEqual([]);
    expect(result.design.vpcs[0]!.subnetCidrs).toEqual(cidrs);

    const v2 = designOf(parseDesign(edited((doc) => (doc.schemaVersion = 2))));
    expect(v2.migratedFrom).toBe(2);
    expect(v2.design).toEqual(baseDesign());
  });

  it('names the path of a CIDR that is not one', () => {
    expect(errorsOf(parseDesign(withCidrs({ private: ['10.0.1.0/24', 'x'] })))).toEqual([
      {
        path: '$.vpcs[0].subnetCidrs.private[1]',
        message: 'must be an IPv4 CIDR like 10.0.1.0/24 (got "x")',
      },
    ]);
    expect(errorsOf(parseDesign(withCidrs({ public: ['10.0.1.0/24', '10.0.300.0/24'] })))).toEqual([
      {
        path: '$.vpcs[0].subnetCidrs.public[1]',
        message: '"10.0.300.0/24" is not a valid IPv4 CIDR (octets 0-255, prefix 0-32)',
      },
    ]);
  });

  it('refuses an empty list, more CIDRs than a VPC has AZs, and a list that is not one', () => {
    expect(errorsOf(parseDesign(withCidrs({ public: [] })))).toEqual([
      { path: '$.vpcs[0].subnetCidrs.public', message: 'must have at least 1 item' },
    ]);
    expect(errorsOf(parseDesign(withCidrs({ public: Array(4).fill('10.0.1.0/24') })))).toEqual([
      { path: '$.vpcs[0].subnetCidrs.public', message: 'must have at most 3 items' },
    ]);
    expect(errorsOf(parseDesign(withCidrs({ public: '10.0.1.0/24' })))).toEqual([
      { path: '$.vpcs[0].subnetCidrs.public', message: 'must be a list, not "10.0.1.0/24"' },
    ]);
  });

  it('warns about a misspelt tier and about CIDRs for a tier the VPC lacks', () => {
    const misspelt = designOf(parseDesign(withCidrs({ pubilc: ['10.0.1.0/24', '10.0.2.0/24'] })));
    expect(misspelt.warnings).toEqual(['ignored the unknown key at $.vpcs[0].subnetCidrs.pubilc']);
    const lacking = designOf(
      parseDesign(
        edited((doc) => {
          doc.vpcs[0].tiers = ['public', 'private'];
          doc.nodes = doc.nodes.filter((n: { id: string }) => n.id !== 'db');
          doc.connections = doc.connections.filter((c: { to: string }) => c.to !== 'db');
          doc.vpcs[0].subnetCidrs = { isolated: ['10.0.100.0/24', '10.0.200.0/24'] };
        }),
      ),
    );
    expect(lacking.warnings).toEqual([
      '$.vpcs[0].subnetCidrs.isolated gives CIDRs for a tier VPC "main" does not have; they are ignored',
    ]);
  });

  it('writes them in tier order after the subnet prefix, and leaves them out when there are none', () => {
    const explicit = baseDesign();
    explicit.vpcs[0]!.subnetCidrs = {
      isolated: ['10.0.100.0/24', '10.0.200.0/24'],
      public: ['10.0.1.0/24', '10.0.2.0/24'],
    };
    const text = serializeDesign(explicit);
    expect(text).toContain(
      '"subnetPrefix": 24,\n      "subnetCidrs": {\n        "public": [\n          "10.0.1.0/24",\n          "10.0.2.0/24"\n        ],\n        "isolated": [',
    );
    expect(designOf(parseDesign(text)).design).toEqual(explicit);
    expect(serializeDesign(baseDesign())).not.toContain('subnetCidrs');
  });
});

describe('serializeDesign', () => {
  it('writes the same bytes whatever order the keys came in', () => {
    const original = baseDesign();
    const shuffledKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(shuffledKeys);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, shuffledKeys(v)]),
      );
    };
    const reordered = shuffledKeys(original) as Design;
    expect(JSON.stringify(reordered)).not.toBe(JSON.stringify(original));
    expect(serializeDesign(reordered)).toBe(serializeDesign(original));
  });

  it('keeps schema order for fixed shapes, sorts records, indents by two, ends with a newline', () => {
    const text = serializeDesign(
      design('Order')
        .tag('zeta', '1')
        .tag('alpha', '2')
        .node('lambda', { id: 'fn', properties: { timeoutSeconds: 10, memorySize: 256 } })
        .build(),
    );
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text))).toEqual([
      'schemaVersion',
      'name',
      'description',
      'region',
      'environments',
      'tags',
      'vpcs',
      'nodes',
      'connections',
      'acceptedRisks',
      'notes',
      'usage',
    ]);
    expect(text).toContain('"tags": {\n    "alpha": "2",\n    "zeta": "1"\n  }');
    expect(text).toContain(
      '"properties": {\n        "memorySize": 256,\n        "timeoutSeconds": 10\n      }',
    );
    expect(text).toMatch(/"id": "fn",\n {6}"type": "lambda",\n {6}"name": "Lambda function"/);
  });

  it('writes a parsed design (records without prototypes) identically', () => {
    const original = baseDesign();
    const parsed = designOf(parseDesign(serializeDesign(original))).design;
    expect(serializeDesign(parsed)).toBe(serializeDesign(original));
  });
});

describe('production environments', () => {
  it('the optional flag decides; without it the name does', () => {
    expect(isProductionEnvironment({ name: 'prod' })).toBe(true);
    expect(isProductionEnvironment({ name: 'production' })).toBe(true);
    expect(isProductionEnvironment({ name: 'staging' })).toBe(false);
    expect(isProductionEnvironment({ name: 'live', production: true })).toBe(true);
    expect(isProductionEnvironment({ name: 'prod', production: false })).toBe(false);
  });

  it('a file with the flag parses and keeps it; one without it stays without', () => {
    const d = design('P').environments('live', 'dev').build();
    d.environments[0]!.production = true;
    const parsed = parseDesign(serializeDesign(d));
    expect(designOf(parsed).design.environments.map((e) => e.production)).toEqual([true, undefined]);
  });
});

describe('parseDesign: groups', () => {
  const withGroups = (edit: (doc: ReturnType<typeof JSON.parse>) => void = () => {}) =>
    edited((doc) => {
      doc.groups = [
        { id: 'module-app', name: 'module.app', kind: 'terraform-module', source: './modules/app' },
      ];
      doc.nodes[1].group = 'module-app';
      doc.nodes[2].group = 'module-app';
      edit(doc);
    });

  it('keeps groups and memberships through a save and a reopen', () => {
    const first = designOf(parseDesign(withGroups()));
    expect(first.warnings).toEqual([]);
    expect(first.design.groups).toEqual([
      { id: 'module-app', name: 'module.app', kind: 'terraform-module', source: './modules/app' },
    ]);
    expect(first.design.nodes.filter((n) => n.group === 'module-app').map((n) => n.id)).toEqual([
      'api',
      'db',
    ]);
    const again = designOf(parseDesign(serializeDesign(first.design)));
    expect(again.design).toEqual(first.design);
  });

  it('opens a design without groups unchanged (no groups key is added)', () => {
    const result = designOf(parseDesign(serializeDesign(baseDesign())));
    expect('groups' in result.design).toBe(false);
    expect(result.design.nodes.every((n) => !('group' in n))).toBe(true);
  });

  it('refuses a node whose group does not exist, naming the node and the group', () => {
    const errors = errorsOf(parseDesign(withGroups((doc) => (doc.nodes[3].group = 'module-gone'))));
    expect(errors).toEqual([
      {
        path: '$.nodes[3].group',
        message: 'node "jobs" is in group "module-gone", which is no group in this design',
      },
    ]);
  });

  it('refuses a group with an empty or blank name', () => {
    for (const name of ['', '   ']) {
      const errors = errorsOf(parseDesign(withGroups((doc) => (doc.groups[0].name = name))));
      expect(errors.map((e) => e.path)).toEqual(['$.groups[0].name']);
    }
  });

  it('refuses a group id another item already uses', () => {
    const errors = errorsOf(parseDesign(withGroups((doc) => (doc.groups[0].id = 'web'))));
    expect(errors.map((e) => e.path)).toContain('$.groups[0].id');
  });

  it('warns about and drops unknown keys on a group, as on any other item', () => {
    const result = designOf(parseDesign(withGroups((doc) => (doc.groups[0].colour = 'teal'))));
    expect(result.warnings).toEqual(['ignored the unknown key at $.groups[0].colour']);
    expect(result.design.groups![0]).not.toHaveProperty('colour');
  });
});
