// A large file's glance (its first megabyte) comes with its preview, read as the preview job reads it with no
// choices made: one job, one worker, before the proof of every byte. A file that is not text has no preview from it.
import { describe, expect, it } from 'vitest';
import { bytesSource } from '../../src/import/byte-sources';
import { glanceJob, previewJob } from '../../src/worker/import-jobs';

/** A ledger of about 2 MB: past the megabyte a glance reads. */
function ledger(): Uint8Array {
  const lines = ['Posting Date,Period,Cost Centre,Subjective,Description,Amount'];
  for (let i = 0; i < 40_000; i++) lines.push(`03/04/2017,1,01234,4000,Stationery ${String(i).padStart(6, '0')},12.50`);
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

describe('the glance at a large file', () => {
  it('gives the encoding of its first megabyte and the preview read with it', async () => {
    const source = bytesSource('gl-export.csv', ledger());
    const glanced = await glanceJob(source);
    expect(glanced?.verdict.ok).toBe(true);
    if (!glanced?.verdict.ok) return;
    expect(glanced.preview?.preview.headers).toEqual([
      'Posting Date',
      'Period',
      'Cost Centre',
      'Subjective',
      'Description',
      'Amount',
    ]);
    expect(glanced.preview?.preview.suggestion.kind).toBe('ledger');
    // The same preview as the preview job gives for that encoding.
    expect(glanced.preview).toEqual(await previewJob(source, glanced.verdict.value));
  });

  it('gives no preview where the first megabyte is not text it can read', async () => {
    const bytes = ledger();
    bytes.set([0x00, 0x00, 0x00, 0x00], 100); // NUL bytes: not a text file
    const glanced = await glanceJob(bytesSource('gl-export.csv', bytes));
    expect(glanced?.verdict.ok).toBe(false);
    expect(glanced?.preview).toBeNull();
  });
});
