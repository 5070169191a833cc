import { isUtf8 } from 'node:buffer';

/**
 * How many bytes at the end of `bytes` start a UTF-8 sequence that the chunk cuts short. A chunk boundary
 * can fall inside a character, so those bytes wait for the next chunk before being judged.
 */
function incompleteTailLength(bytes: Uint8Array): number {
  for (let back = 1; back <= Math.min(3, bytes.length); back++) {
    const byte = bytes[bytes.length - back] ?? 0;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead byte
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Decides, chunk by chunk, whether a whole stream is valid UTF-8 without holding it: GIAS files are
 * Windows-1252, but a file re-saved by Excel or another tool may be UTF-8, and only the whole file can tell.
 */
export function createUtf8Check() {
  let valid = true;
  let carry: Uint8Array = new Uint8Array(0);
  return {
    push(chunk: Uint8Array) {
      if (!valid) return;
      const bytes = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
      const cut = bytes.length - incompleteTailLength(bytes);
      valid = isUtf8(bytes.subarray(0, cut));
      carry = bytes.slice(cut);
    },
    /** True when every byte pushed was valid UTF-8 (an empty stream is). */
    end(): boolean {
      return valid && carry.length === 0;
    },
  };
}
