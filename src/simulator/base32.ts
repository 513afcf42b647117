/**
 * RFC 4648 base32 (alphabet A–Z, 2–7, `=` padding). Pleo's cursors match `^[A-Z2-7=~]+$`, which is this
 * alphabet, so the simulator's opaque cursors are base32 too and pass the specs' pattern.
 */
const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

export function base32Encode(bytes: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  while (out.length % 8 !== 0) out += "=";
  return out;
}

/** Decodes base32; returns undefined for anything that is not canonical base32. */
export function base32Decode(text: string): Uint8Array | undefined {
  if (text.length === 0 || text.length % 8 !== 0) return undefined;
  const body = text.replace(/=+$/, "");
  if (!/^[A-Z2-7]*$/.test(body)) return undefined;
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of body) {
    buffer = ((buffer << 5) | ALPHABET.indexOf(char)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Uint8Array.from(bytes);
}
