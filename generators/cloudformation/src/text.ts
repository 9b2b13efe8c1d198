/** UTF-8 sizes without TextEncoder (the pure layer has neither DOM nor Node types). */

const utf8Length = (char: string): number => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

const NON_ASCII_RUN = /[^\0-\x7f]+/g;

/**
 * One byte per UTF-16 code unit, plus the extra bytes of the non-ASCII ones. A native regex skips
 * the ASCII stretches (templates are almost all ASCII); iterating by code point allocated a string
 * per character.
 */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  NON_ASCII_RUN.lastIndex = 0;
  for (let run = NON_ASCII_RUN.exec(text); run; run = NON_ASCII_RUN.exec(text)) {
    const end = run.index + run[0].length;
    for (let i = run.index; i < end; i++) {
      const code = text.charCodeAt(i);
      if (code < 0x800) bytes += 1;
      else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
        bytes += 2; // a surrogate pair: 4 bytes for its 2 units
        i++;
      } else bytes += 2; // the rest of the BMP, and a lone surrogate like codePointAt reports it
    }
  }
  return bytes;
}

const isLowSurrogate = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** CloudFormation limits descriptions in UTF-8 bytes; cut at a character boundary. */
export function truncateUtf8(text: string, maxBytes: number): string {
  // No UTF-16 code unit takes more than 3 bytes: short texts fit as they are.
  if (text.length * 3 <= maxBytes) return text;
  let out = '';
  let bytes = 0;
  for (const char of text) {
    bytes += utf8Length(char);
    if (bytes > maxBytes) break;
    out += char;
  }
  return out;
}
