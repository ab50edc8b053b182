// The sample's files in one response (a first start asks for one file, not 26): each file comes out byte for byte
// as it is in data/ (so its SHA-256, the receipt's, is unchanged), and anything that is not a whole bundle (a
// server answering every address with its page, a response cut short) is refused, so the files are fetched one by
// one instead.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packSampleBundle, unpackSampleBundle } from '../../../src/api/sample-bundle';

const DATA = join(import.meta.dirname, '..', '..', '..', 'data');
const files = readdirSync(DATA)
  .filter((f) => f.endsWith('.csv'))
  .map((f) => [f, new Uint8Array(readFileSync(join(DATA, f)))] as const);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const whole = () => packSampleBundle(files);

describe('the sample bundle', () => {
  it('gives back every file of data/ byte for byte', () => {
    const out = unpackSampleBundle(whole());
    expect(out).not.toBeNull();
    expect([...out!.keys()].sort()).toEqual(files.map(([f]) => f).sort());
    for (const [name, bytes] of files) expect([name, sha(out!.get(name)!)]).toEqual([name, sha(bytes)]);
  });

  it('refuses what is not a whole bundle', () => {
    const page = new TextEncoder().encode('<!doctype html><title>Outturn</title>\n<div id="root"></div>\n');
    expect(unpackSampleBundle(page)).toBeNull();
    const bundle = whole();
    expect(unpackSampleBundle(bundle.slice(0, bundle.length - 1))).toBeNull();
    expect(unpackSampleBundle(new Uint8Array([...bundle, 10]))).toBeNull();
    expect(unpackSampleBundle(new TextEncoder().encode('outturn-sample-files 1\n{"a":1}\n'))).toBeNull();
  });
});
