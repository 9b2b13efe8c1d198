/**
 * Share links without a server: the design travels in the URL fragment (never sent to any
 * server), as `#design=` + base64url(zlib(serializeDesign(design))). A link is untrusted input:
 * decoding bounds the compressed size, inflates in small steps so a zip bomb stops at the
 * model's size limit instead of filling memory, and hands the text to parseDesign like any file.
 * Browsers keep URLs of about 2 MB; designs of a few hundred nodes compress far below that.
 */
import { Unzlib, strFromU8, strToU8, zlibSync } from 'fflate';
import {
  MAX_DESIGN_BYTES,
  parseDesign,
  serializeDesign,
  type Design,
  type ParseResult,
} from '@archgen/model';

export const SHARE_PREFIX = '#design=';

/** Compressed bytes pushed to the inflater at a time: deflate expands at most ~1032x, so one step stays near 1 MB. */
const INFLATE_STEP = 1024;
/** Generous room over incompressible input, in base64 characters. */
const MAX_FRAGMENT_CHARS = Math.ceil(((MAX_DESIGN_BYTES + 64 * 1024) * 4) / 3);

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE = new Map([...ALPHABET].map((c, i) => [c, i]));

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = i + 2 < bytes.length ? 4 : i + 1 < bytes.length ? 3 : 2;
    for (let c = 0; c < chars; c++) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | string {
  if (text.length % 4 === 1) return 'the link is cut short (its data has an impossible length)';
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let index = 0;
  for (const c of text) {
    const value = DECODE.get(c);
    if (value === undefined) return `the link contains "${c}", which is not part of a design link`;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[index++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

export function encodeShareFragment(design: Design): string {
  return SHARE_PREFIX + toBase64Url(zlibSync(strToU8(serializeDesign(design)), { level: 9 }));
}

/** A link to `baseUrl` (its own fragment dropped) that opens `design`. */
export function shareUrl(baseUrl: string, design: Design): string {
  const hash = baseUrl.indexOf('#');
  return (hash === -1 ? baseUrl : baseUrl.slice(0, hash)) + encodeShareFragment(design);
}

class TooLarge extends Error {}

/** Inflates zlib data, giving up as soon as the output passes `limit` bytes (a message then). */
export function inflateBounded(data: Uint8Array, limit: number): Uint8Array | string {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Unzlib((chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
    if (final) ended = true;
  });
  try {
    for (let offset = 0; offset < data.length; offset += INFLATE_STEP) {
      const end = Math.min(offset + INFLATE_STEP, data.length);
      inflater.push(data.subarray(offset, end), end === data.length);
    }
  } catch (error) {
    if (error instanceof TooLarge)
      return `the shared design unpacks to more than ${limit} bytes, the limit for a design`;
    return `the link's data is damaged (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!ended) return 'the link is cut short (its compressed data ends early)';
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

const failure = (message: string): ParseResult => ({ ok: false, errors: [{ path: '$', message }] });

/**
 * Reads a design from a link's fragment: `#design=...`, or a whole URL holding one. Every
 * failure is a ParseResult error; a decoded design gets all of parseDesign's checks.
 */
export function decodeShareFragment(fragment: string): ParseResult {
  const hash = fragment.indexOf('#');
  const body = hash === -1 ? fragment : fragment.slice(hash + 1);
  const prefix = SHARE_PREFIX.slice(1);
  if (!body.startsWith(prefix)) return failure('the link does not carry a design (expected "#design=...")');
  const data = body.slice(prefix.length);
  if (data.length === 0) return failure('the link carries an empty design');
  if (data.length > MAX_FRAGMENT_CHARS)
    return failure(
      `the link carries ${data.length} characters of data; a design link holds at most ${MAX_FRAGMENT_CHARS}`,
    );
  const bytes = fromBase64Url(data);
  if (typeof bytes === 'string') return failure(bytes);
  const text = inflateBounded(bytes, MAX_DESIGN_BYTES);
  if (typeof text === 'string') return failure(text);
  return parseDesign(strFromU8(text));
}
