// The issue log on its own: every issue counted by code, only the first maxIssues kept, long values
// clipped, and hints for values that are not what they look like.
import { describe, expect, it } from 'vitest';
import {
  addIssue,
  clipValue,
  keepRejected,
  newIssueLog,
  shortenQuoted,
  valueHints,
} from '../../../src/import/issue-log';

describe('issue log', () => {
  it('keeps the first maxIssues issues and counts every one by its code', () => {
    const log = newIssueLog(2);
    addIssue(log, 2, 'Amount', 'not-a-number', 'bad', 'x', 'error');
    addIssue(log, 3, 'Amount', 'not-a-number', 'bad', 'y', 'error');
    addIssue(log, 4, '', 'extra-cells', 'extra', 'z', 'warning');
    expect(log.issueCount).toBe(3);
    expect(log.issuesByCode).toEqual({ 'not-a-number': 2, 'extra-cells': 1 });
    expect(log.issues).toEqual([
      { row: 2, column: 'Amount', code: 'not-a-number', message: 'bad', value: 'x', severity: 'error' },
      { row: 3, column: 'Amount', code: 'not-a-number', message: 'bad', value: 'y', severity: 'error' },
    ]);
  });

  it('keeps the first maxIssues rejected rows, their cells clipped', () => {
    const log = newIssueLog(1);
    const long = 'a'.repeat(501);
    keepRejected(log, 5, ['x', long]);
    keepRejected(log, 6, ['y']);
    expect(log.rejectedRows).toEqual([{ row: 5, cells: ['x', `${'a'.repeat(500)}… (501 characters)`] }]);
  });

  it('clips a value over 500 characters to its start and its length', () => {
    expect(clipValue('a'.repeat(500))).toBe('a'.repeat(500));
    expect(clipValue('b'.repeat(1234))).toBe(`${'b'.repeat(500)}… (1,234 characters)`);
  });

  it('a message quoting a long value quotes its first 24 and last 8 characters', () => {
    const value = `${'x'.repeat(30)}${'y'.repeat(30)}z`; // 61 characters
    expect(shortenQuoted(`"${value}" is not an amount`, value)).toBe(
      `"${'x'.repeat(24)}…${'y'.repeat(7)}z, 61 characters" is not an amount`,
    );
    expect(shortenQuoted('short "abc"', 'abc')).toBe('short "abc"');
    // A message that does not quote the value is left alone.
    expect(shortenQuoted('no quote', 'q'.repeat(100))).toBe('no quote');
  });

  it('names invisible characters and double-decoded text', () => {
    expect(valueHints('C8010')).toBe('');
    expect(valueHints('C80\u200B10')).toBe(' (it contains a character that cannot be seen: U+200B)');
    expect(valueHints('\u00A0C\u200B8010')).toBe(' (it contains characters that cannot be seen: U+00A0, U+200B)');
    // A tab is a control character, but not named.
    expect(valueHints('a\tb')).toBe('');
    expect(valueHints('Â£12')).toMatch(/^ \("Â£" or "Ã" is how £/);
  });

  it('adds the hints to the message and the clipped value to the issue', () => {
    const log = newIssueLog();
    addIssue(
      log,
      9,
      'Cost centre',
      'invisible-character',
      'Cost centre "C\u200B1" will not match',
      'C\u200B1',
      'warning',
    );
    expect(log.issues[0]!.message).toBe(
      'Cost centre "C\u200B1" will not match (it contains a character that cannot be seen: U+200B)',
    );
  });
});
