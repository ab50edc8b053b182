// The record reader hands papaparse a large piece of text a part at a time (so that rows die young):
// the records, and the rows reported as broken, must be the same wherever those parts end, including
// when the part boundary falls inside a quoted field, a doubled quote, a stray quote or a line ending.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordReader, type RecordProblem } from '../../../src/import/record-reader';

function read(pieces: string[]): [string[], RecordProblem['code'] | undefined][] {
  const out: [string[], RecordProblem['code'] | undefined][] = [];
  const reader = new RecordReader(',', (cells, problem) => out.push([cells, problem?.code]));
  for (const p of pieces) reader.push(p);
  reader.finish();
  return out;
}

const cellArb = fc.oneof(
  fc.constantFrom(
    '',
    'a',
    '"q, x"',
    '"say ""hi"""',
    '"two\nlines"',
    '"open',
    'x"y',
    '"a"b',
    '"£1,234.56"',
    'é–ü',
    '\r',
    '\r\n',
  ),
  fc.stringMatching(/^[A-Za-z0-9 .]{0,12}$/),
);
const lineArb = fc.array(cellArb, { minLength: 1, maxLength: 8 }).map((cells) => cells.join(','));

describe('record reader: large pieces', () => {
  it('the same records whether 150,000 characters come whole or in small pieces', () => {
    fc.assert(
      fc.property(
        fc.array(lineArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 5000 }),
        (lines, size) => {
          // Repeat the generated lines until the text crosses several of the reader's internal part boundaries.
          const block = lines.join('\n');
          let text = block;
          while (text.length < 150_000) text += `\n${block}`;
          const pieces: string[] = [];
          for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
          expect(read([text])).toEqual(read(pieces));
        },
      ),
      { numRuns: 40 },
    );
  });
});
