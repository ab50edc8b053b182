// The illustrative year in data/ is what the generator makes (deterministic, kept in step with the
// script), and it ends at the paper: every area's P12 forecast, carry-forward requests included, equals
// the paper's outturn, and its budget the paper's budget.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FILES, generateSampleYear, paperTargets, readPaperInputs } from '../../../src/cli/generate-sample-year';
import { DATA } from '../helpers/sample-year';

const paper = readPaperInputs(DATA);

describe('generate-sample-year', () => {
  const files = generateSampleYear(paper);

  it('makes the same bytes every time, and the files in data/ are those bytes', () => {
    const again = generateSampleYear(paper);
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [name, text] of files) {
      expect(again.get(name), name).toBe(text);
      expect(
        readFileSync(join(DATA, name), 'utf8'),
        `data/${name} is stale: run npx tsx src/cli/generate-sample-year.ts`,
      ).toBe(text);
    }
  });

  it('names every file illustrative', () => {
    expect([...files.keys()].every((n) => n.startsWith('illustrative-2017-18-'))).toBe(true);
    expect([...files.keys()]).toEqual([FILES.budget, ...FILES.returns, FILES.ledgerToP11, FILES.ledgerP12]);
  });

  it("reads the paper's targets from data/: Organisational Support 15,984 / 20,378 with 188 carried forward", () => {
    const t = paperTargets(paper).get('organisational-support')!;
    // Appendix 2 departments placed in Organisational Support: Corporate 87 + 7, ACPO 23, Corporate Comms 6, Agile 42, CDD 23 = 188.
    expect([t.budget.toString(), t.outturn.toString(), t.carryForward.toString()]).toEqual([
      '15984000',
      '20378000',
      '188000',
    ]);
  });

  it("makes the P12 return's forecasts the actuals to date, line by line (the year is closed)", () => {
    const rows = files
      .get(FILES.returns[3]!)!
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.split(','));
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) expect(r[6], r.slice(2, 4).join('/')).toBe(r[7]);
  });
});
