// The layout sniffers on their own (until now tested only through the pipeline): line endings, the
// delimiter and the header row, each with the reason it gives.
import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectHeaderRow, detectNewline } from '../../../src/import/sniff';

describe('detectNewline', () => {
  it.each([
    ['a\r\nb\r\nc', '\r\n'],
    ['a\nb\nc\n', '\n'],
    ['a\rb\rc', '\r'],
    ['', '\n'], // no line break at all
    ['one line', '\n'],
    ['a\nb\nc\r\n', '\n'], // the most used wins
    ['a\r\nb\nc\r\n', '\r\n'],
  ])('%j -> %j', (sample, newline) => expect(detectNewline(sample)).toBe(newline));

  it('line breaks inside quoted fields do not count', () => {
    expect(detectNewline('a,"x\ny\nz\nw"\r\nb,c\r\n')).toBe('\r\n');
    expect(detectNewline('a,"x\r\ny\r\nz"\nb,c\n')).toBe('\n');
  });
});

describe('detectDelimiter', () => {
  it('commas', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5,6', '\n')).toEqual({
      delimiter: ',',
      reason: '3 lines split by comma into 3 fields',
    });
  });

  it('semicolons with decimal commas in the figures: the delimiter that splits every line the same way', () => {
    expect(detectDelimiter('a;b\n1,5;2\n3,5;4', '\n')).toEqual({
      delimiter: ';',
      reason: '3 lines split by semicolon into 2 fields',
    });
  });

  it('a comma inside quotes does not split', () => {
    expect(detectDelimiter('name,amount\r\n"Smith, J",5\r\n"Jones, K",6', '\r\n')).toEqual({
      delimiter: ',',
      reason: '3 lines split by comma into 2 fields',
    });
  });

  it('tabs and pipes', () => {
    expect(detectDelimiter('a\tb\n1\t2', '\n')).toEqual({
      delimiter: '\t',
      reason: '2 lines split by tab into 2 fields',
    });
    expect(detectDelimiter('a|b|c\n1|2|3', '\n')).toEqual({
      delimiter: '|',
      reason: '2 lines split by pipe into 3 fields',
    });
  });

  it('nothing splits the lines: one column, comma assumed, and said so', () => {
    expect(detectDelimiter('hello\nworld', '\n')).toEqual({
      delimiter: ',',
      reason: 'no delimiter splits the lines; read as one column, comma assumed',
    });
  });
});

describe('detectHeaderRow', () => {
  it('the row of known column names, below a title and a blank line', () => {
    const guess = detectHeaderRow([
      ['Monthly ledger'],
      [''],
      ['Cost Centre', 'Subjective', 'Amount'],
      ['C100', '5000', '12.00'],
    ]);
    expect(guess).toEqual({ index: 2, reason: 'row 3: 3 cells are known column names' });
  });

  it('no known names: the first row as wide as the data with no figures in it', () => {
    const guess = detectHeaderRow([['Title'], ['Foo', 'Bar', 'Baz'], ['x', '1', '2'], ['y', '3', '4']]);
    expect(guess).toEqual({
      index: 1,
      reason: 'row 2: the first row as wide as the data (3 cells) with no figures in it',
    });
  });

  it('one known name is not enough to be a header', () => {
    // "Amount" alone: the fallback picks the first full-width row without figures, the same row here.
    expect(
      detectHeaderRow([
        ['Amount', 'Foo'],
        ['1', '2'],
      ]).index,
    ).toBe(0);
    expect(
      detectHeaderRow([
        ['Amount', 'Foo'],
        ['1', '2'],
      ]).reason,
    ).toBe('row 1: the first row as wide as the data (2 cells) with no figures in it');
  });

  it('every row has figures: the first non-blank row', () => {
    expect(detectHeaderRow([[''], ['1', '2'], ['3', '4']])).toEqual({
      index: 1,
      reason: 'row 2: the first non-blank row (no better candidate)',
    });
  });

  it('no rows at all: row 1', () => {
    expect(detectHeaderRow([])).toEqual({ index: 0, reason: 'row 1: the first non-blank row (no better candidate)' });
  });
});
