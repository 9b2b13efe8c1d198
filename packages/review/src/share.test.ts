import { describe, expect, it } from 'vitest';
import { deflateSync } from 'node:zlib';
import { strToU8, zlibSync } from 'fflate';
import { MAX_DESIGN_BYTES, design, serializeDesign, type Design } from '@archgen/model';
import { SHARE_PREFIX, decodeShareFragment, encodeShareFragment, inflateBounded, shareUrl } from './share.ts';

function sample(): Design {
  return design('Shared "design" ${x} ünïcode ✓')
    .vpc()
    .node('alb', { id: 'web' })
    .node('ecs-fargate', { id: 'api' })
    .connect('web', 'api', 'traffic')
    .note('api', 'Check the <script> & sizes')
    .acceptRisk('ALB-01', 'web', 'Internal only')
    .usage('api', { averageTasks: 3 })
    .build();
}

const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const errorOf = (fragment: string): string => {
  const result = decodeShareFragment(fragment);
  if (result.ok) throw new Error('expected a failure');
  return result.errors.map((e) => e.message).join('\n');
};

describe('share links', () => {
  it('round-trips a design through the fragment, byte for byte once serialised', () => {
    const d = sample();
    const fragment = encodeShareFragment(d);
    expect(fragment.startsWith(SHARE_PREFIX)).toBe(true);
    expect(fragment.slice(SHARE_PREFIX.length)).toMatch(/^[A-Za-z0-9_-]+$/);
    // Our base64url matches Node's, and the payload is zlib of the serialised design.
    expect(fragment.slice(SHARE_PREFIX.length)).toBe(
      base64url(zlibSync(strToU8(serializeDesign(d)), { level: 9 })),
    );
    const result = decodeShareFragment(fragment);
    expect(result.ok).toBe(true);
    if (result.ok) expect(serializeDesign(result.design)).toBe(serializeDesign(d));
    expect(fragment.length).toBeLessThan(serializeDesign(d).length);
  });

  it('reads the fragment out of a whole URL, and builds one', () => {
    const url = shareUrl('https://archgen.example/app/?x=1#old', sample());
    expect(url.startsWith('https://archgen.example/app/?x=1#design=')).toBe(true);
    const result = decodeShareFragment(url);
    expect(result.ok && result.design.name).toBe(sample().name);
  });

  it('gives a clear error for every kind of broken link', () => {
    expect(errorOf('#view=abc')).toMatch(/does not carry a design/);
    expect(errorOf('#design=')).toMatch(/empty design/);
    expect(errorOf('#design=abc$def')).toMatch(/contains "\$"/);
    expect(errorOf('#design=a')).toMatch(/cut short/);
    const good = encodeShareFragment(sample());
    expect(errorOf(good.slice(0, good.length - 20))).toMatch(/cut short|damaged/);
    const flipped = good.slice(0, 40) + (good[40] === 'A' ? 'B' : 'A') + good.slice(41);
    expect(errorOf(flipped)).toMatch(/damaged|invalid|JSON/i);
    expect(errorOf(SHARE_PREFIX + base64url(strToU8('not compressed at all')))).toMatch(/damaged/);
  });

  it('validates what it unpacks like any design file', () => {
    const junk = SHARE_PREFIX + base64url(zlibSync(strToU8('{"schemaVersion": 2, "name": "x"}')));
    const result = decodeShareFragment(junk);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.some((e) => e.path.startsWith('$.'))).toBe(true);
    expect(errorOf(SHARE_PREFIX + base64url(zlibSync(strToU8('{"a":'))))).toMatch(/JSON|end/i);
  });

  it('stops a zip bomb at the design size limit', () => {
    // 16 MiB of spaces, three times the limit, compresses to about 16 KB.
    const compressed = deflateSync(Buffer.alloc(16 * 1024 * 1024, 0x20), { level: 9 });
    const bomb = SHARE_PREFIX + base64url(compressed);
    expect(bomb.length).toBeLessThan(50_000);
    expect(errorOf(bomb)).toMatch(new RegExp(`more than ${MAX_DESIGN_BYTES} bytes`));
    // With a tiny limit it stops after the first small step: no inflating 16 MiB to reject it.
    const started = performance.now();
    expect(inflateBounded(compressed, 1000)).toMatch(/more than 1000 bytes/);
    expect(performance.now() - started).toBeLessThan(1000);
    const small = inflateBounded(zlibSync(strToU8('hello')), 1000);
    expect(small instanceof Uint8Array && Buffer.from(small).toString()).toBe('hello');
  });

  it('rejects a fragment longer than any design could need before decoding it', () => {
    expect(errorOf(SHARE_PREFIX + 'A'.repeat(8 * 1024 * 1024))).toMatch(/at most/);
  });
});
