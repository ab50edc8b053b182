// The import decodes a piece read from the file 32 KiB at a time (decode.ts DECODE_BYTES), not whole: a 4 MB piece
// decoded at once was a string V8 keeps as a large object, and decoding took twice as long in Chromium.
import Decimal from 'decimal.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { generateLedger } from '../../../bench/generate-ledger';
import { bytesSource } from '../../../src/import/byte-sources';
import { DECODE_BYTES } from '../../../src/import/decode';
import { ImportSession } from '../../../src/import/import-session';
import { importWhole } from '../helpers/receipt-of';

afterEach(() => vi.restoreAllMocks());

describe('the import decodes a large piece of the file a little at a time', () => {
  it('hands the session at most DECODE_BYTES characters at once, and still reads every row exactly', async () => {
    const { text, amounts } = generateLedger(3_000, 5);
    const bytes = new TextEncoder().encode(text);
    // Spied on, and still called: the texts the session was given.
    const push = vi.spyOn(ImportSession.prototype, 'push');
    // One piece of the whole file (4 MB pieces, as the worker reads): it was decoded and pushed whole.
    const { result } = await importWhole(bytesSource('ledger.csv', bytes, 4 << 20));
    expect(bytes.length).toBeGreaterThan(5 * DECODE_BYTES);
    expect(Math.max(...push.mock.calls.map(([t]) => t.length))).toBeLessThanOrEqual(DECODE_BYTES);
    expect(result.rows.accepted).toBe(3_000);
    // The net in pence against decimal.js over the amounts as generated (not through Outturn's code).
    const expected = amounts.reduce((sum, a) => sum.plus(a), new Decimal(0)).times(100);
    expect(String(result.controlTotals[0]!.net)).toBe(expected.toFixed(0));
  });
});
