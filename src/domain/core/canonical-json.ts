import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/*
 * Canonical JSON: the one spelling of a JSON value that a hash is taken over, so that the same content
 * hashes the same in any browser and after any number of round trips through storage and files. Object
 * keys are sorted (by UTF-16 code units, as Array.prototype.sort does), there is no whitespace, and
 * `undefined` properties are left out (as JSON.stringify does). Numbers must be finite: a NaN or
 * Infinity has no JSON spelling, and money never travels as a number anyway (decimal strings).
 */

export type JsonValue =
  string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/** The canonical JSON text of a value. Throws RangeError on a non-finite number (a caller bug, not data). */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`canonicalJson: ${value} has no JSON spelling`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v: JsonValue) => canonicalJson(v)).join(',')}]`;
  const object = value as { readonly [key: string]: JsonValue | undefined };
  const keys = Object.keys(object)
    .filter((k) => object[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(object[k]!)}`).join(',')}}`;
}

/** SHA-256 of text (as UTF-8), lower-case hex. */
function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** SHA-256 of a value's canonical JSON, lower-case hex. */
export function hashOf(value: JsonValue): string {
  return sha256Hex(canonicalJson(value));
}
