// Capital financing by source (Table 4's Capital Financing block of the 19 July 2018 paper), worked out
// by hand from the printed lines, and the carry-forward requests of Appendix 4.
import { describe, expect, it } from 'vitest';
import { toCarryForwardRequestRows, toFinancingRows } from '../../../../src/api/capital-mappings';
import { buildCapitalFinancing, financingSourceOf } from '../../../../src/domain/capital/capital-financing';
import { buildCarryForwardRequests } from '../../../../src/domain/capital/carry-forward-requests';
import type { Money } from '../../../../src/domain/core/money';
import { expectations, sampleTable } from '../../helpers/sample-tables';

const financing = buildCapitalFinancing(toFinancingRows(sampleTable('table-4-capital-financing.csv')));
const k = (v: Money | null): string | null => (v === null ? null : v.dividedBy(1000).toString());

describe('capital financing by source', () => {
  it('classes every line, RCCO lines as revenue contributions', () => {
    expect(financing.lines.filter((l) => l.rowType === 'item').map((l) => [l.label, l.source])).toEqual([
      ['Capital Grants', 'grants'],
      ['Capital Grants (Athena)', 'grants'],
      ['ESMCP Grant (RCCO)', 'revenue-contributions'],
      ['Budget Assistance Reserve', 'reserves'],
      ['Estates Development Reserve', 'reserves'],
      ['Capital Reserve', 'reserves'],
      ['Carry Forward Reserve', 'reserves'],
      ['Capital Receipts', 'capital-receipts'],
      ['Vehicle Receipts (RCCO)', 'revenue-contributions'],
      ['RCCO - approved in-year by Chief Constable', 'revenue-contributions'],
      ['Borrowing', 'borrowing'],
    ]);
    expect(financing.unclassified).toEqual([]);
  });

  it('sums each source exactly', () => {
    // Total spend: grants 649 + 98 = 747; reserves 1,534 + 437 + 1,376 + 1,049 = 4,396; receipts 97;
    // revenue contributions 119 + 343 + 0 = 462; borrowing blank (nil). 747 + 4,396 + 97 + 462 = 5,702.
    expect(
      financing.bySource.map((s) => [s.source, k(s.totalSpend), k(s.applied), k(s.transfer), k(s.revised)]),
    ).toEqual([
      // applied 483 + 98 = 581; transfer 166 + 8 = 174; revised 671 + 155 = 826
      ['grants', '747', '581', '174', '826'],
      // transfer 807 + 63 + 544 + 555 = 1,969; revised 1,846 + 1,080 + 2,000 + 1,604 = 6,530
      ['reserves', '4396', '4396', '1969', '6530'],
      ['capital-receipts', '97', '97', '30', '150'],
      // revised 263 + 181 + blank = 444
      ['revenue-contributions', '462', '462', '0', '444'],
      ['borrowing', '0', '0', '0', '3500'],
    ]);
    expect(k(financing.total!.totalSpend)).toBe('5702');
  });

  it('checks its own casting as worked by hand (t4f.total.*, t4f.revised.*)', () => {
    const COLUMN: Record<string, string> = { totalSpend: 'total-spend' };
    const made = financing.checks.map((c) => [
      c.kind === 'total' ? `t4f.${c.row}.${COLUMN[c.column] ?? c.column}` : c.id,
      c.status,
      k(c.difference),
    ]);
    const expected = expectations
      .filter((e) => /^t4f\.(total|revised)\./.test(e.id))
      .map((e) => [e.id, e.status, String(e.difference)]);
    expect(made.sort()).toEqual(expected.sort());
  });

  it.each([
    ['Loan from PWLB', 'borrowing'],
    ['Revenue contribution', 'revenue-contributions'],
    ['Section 106', null],
  ])('financingSourceOf(%s) = %s', (label, source) => {
    expect(financingSourceOf(label)).toBe(source);
  });
});

describe('capital carry-forward requests (Appendix 4)', () => {
  const requests = buildCarryForwardRequests(
    toCarryForwardRequestRows(sampleTable('appendix-4-capital-carry-forwards.csv')),
  );

  it('adds the 19 requests to 2,153 (the paper prints no total)', () => {
    // 361 + 63 + 371 + 94 + 20 + 32 + 410 + 14 + 31 + 2 + 9 + 30 + 69 + 144 + 8 + 120 + 293 + 22 + 60 = 2,153
    expect(requests.requests).toHaveLength(19);
    expect(k(requests.totalRequested)).toBe('2153');
  });

  it('says which requests lack their budget, outturn and variance in the source', () => {
    expect(requests.incomplete).toEqual([
      'Wisbech Fire Station Ext for Police Purposes',
      'BCH Property Management System',
      'PSD 7F Software Monitoring',
    ]);
    expect(requests.requests[0]!.revised).toBeNull();
  });

  it('keeps job codes as text', () => {
    expect(requests.requests.map((r) => r.jobCode)).toContain('C8032+BCHCAG');
  });

  it('checks each request as worked by hand (a4.variance.*, a4.cfwd-vs-variance.*)', () => {
    // A blank printed variance (Wisbech, BCH PMS, PSD 7F) is no claim, so its variance check is not made.
    const expected = expectations.filter((e) => /^a4\./.test(e.id) && !e.missing.includes('target'));
    expect(requests.checks.map((c) => [c.id, c.status, k(c.difference)]).sort()).toEqual(
      expected.map((e) => [e.id, e.status, e.difference === null ? null : String(e.difference)]).sort(),
    );
    // ICT Consolidated Workstreams: 410 requested against an underspend of 2 as placed: +408.
    expect(
      requests.requests.find((r) => r.key === 'ict-consolidated-workstreams')!.checks.map((c) => [c.id, c.status]),
    ).toEqual([['a4.cfwd-vs-variance.ict-consolidated-workstreams', 'fail']]);
  });
});
