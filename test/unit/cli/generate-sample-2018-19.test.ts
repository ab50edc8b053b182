// The illustrative 2018/19 year in data/ is what its generator makes (deterministic), and it rolls forward
// from the 2017/18 paper's files: checked here by reading both years' CSVs independently (papaparse and
// decimal.js, not the generator's code), with expected figures from the paper (Table 5, Appendices 3 and 4)
// or worked out by hand.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Decimal from 'decimal.js';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { FILES_2018_19, generateSample2018, readPriorYearInputs } from '../../../src/cli/generate-sample-2018-19';
import { checkPrintedTable } from '../../../src/domain/checks/table-checks';
import { PAPER_2017_18 } from '../../../src/domain/papers/paper-2017-18';
import { readPrintedTable } from '../../../src/import/printed-table';
import { DATA } from '../helpers/sample-year';

const read = (name: string): string => readFileSync(join(DATA, name), 'utf8');
/** A CSV file as objects keyed by its header. */
const rowsOf = (name: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(read(name), { header: true, skipEmptyLines: true }).data;
/** A cell printed in £'000 ("1,012", "(1,089)", "-", blank) as a number of £'000. */
const k = (cell: string | undefined): Decimal => {
  const t = (cell ?? '').trim();
  if (t === '' || t === '-') return new Decimal(0);
  const negative = /^\(.*\)$/.test(t);
  const n = new Decimal(t.replace(/[(),]/g, ''));
  return negative ? n.negated() : n;
};
/** A line of a budget, return or ledger: "cost centre/subjective". */
const lineKey = (r: Record<string, string>): string => `${r['Cost centre'] ?? ''}/${r['Subjective'] ?? ''}`;
const add = (values: readonly Decimal[]): Decimal => values.reduce((a, b) => a.plus(b), new Decimal(0));

describe('generate-sample-2018-19', () => {
  const inputs = readPriorYearInputs(DATA);
  const files = generateSample2018(inputs);

  it('makes the same bytes every time, and the files in data/ are those bytes', () => {
    const again = generateSample2018(readPriorYearInputs(DATA));
    expect([...again.keys()]).toEqual([...files.keys()]);
    for (const [name, text] of files) {
      expect(again.get(name), name).toBe(text);
      expect(read(name), `data/${name} is stale: run npx tsx src/cli/generate-sample-2018-19.ts`).toBe(text);
    }
  });

  it('names every file illustrative 2018-19, and says the year inside every file', () => {
    expect([...files.keys()]).toEqual([
      'illustrative-2018-19-budget.csv',
      'illustrative-2018-19-p03-outturn.csv',
      'illustrative-2018-19-p06-outturn.csv',
      'illustrative-2018-19-p09-outturn.csv',
      'illustrative-2018-19-p12-outturn.csv',
      'illustrative-2018-19-ledger-p01-p12.csv',
      'illustrative-2018-19-reserves.csv',
      'illustrative-2018-19-capital-programme.csv',
      'illustrative-2018-19-revenue-outturn.csv',
    ]);
    for (const name of [FILES_2018_19.budget, ...FILES_2018_19.returns]) {
      const years = new Set(rowsOf(name).map((r) => r['Year']));
      expect([...years], name).toEqual(['2018/19']);
    }
    const header = (name: string): string => read(name).split('\n')[0]!;
    expect(header(FILES_2018_19.reserves)).toContain("Balance 1/4/18 (£'000)");
    expect(header(FILES_2018_19.reserves)).toContain("Balance 31/3/19 (£'000)");
    expect(header(FILES_2018_19.capitalProgramme)).toContain("Revised 2018/19 Capital Budget (£'000)");
    expect(header(FILES_2018_19.revenueOutturn)).toContain("Budget 2018/19 (£'000)");
  });

  describe('the ledger', () => {
    const ledger = rowsOf(FILES_2018_19.ledger);

    it('posts only within 1 April 2018 - 31 March 2019, each line in the period of its date', () => {
      expect(ledger.length).toBeGreaterThan(1000);
      for (const l of ledger) {
        const [day, month, year] = l['Posting date']!.split('/').map(Number) as [number, number, number];
        const ymd = year * 10_000 + month * 100 + day;
        expect(ymd, l['Reference']).toBeGreaterThanOrEqual(20180401);
        expect(ymd, l['Reference']).toBeLessThanOrEqual(20190331);
        // April is P1 ... March is P12.
        expect(Number(l['Period']), l['Posting date']).toBe(((month + 8) % 12) + 1);
      }
    });

    it('stays about the size of the 2017/18 ledgers (imported at first start)', () => {
      const size2017 =
        read('illustrative-2017-18-ledger-p01-p11.csv').length + read('illustrative-2017-18-ledger-p12.csv').length;
      const size = read(FILES_2018_19.ledger).length;
      expect(size).toBeLessThan(size2017 * 1.1);
      expect(size).toBeGreaterThan(size2017 * 0.8);
    });

    it.each(FILES_2018_19.returns.map((name, i) => [name, [3, 6, 9, 12][i]!] as const))(
      "%s: every line's actual to date is the ledger's sum for the closed periods, to the penny",
      (name, month) => {
        const ledgerSums = new Map<string, Decimal>();
        for (const l of ledger) {
          if (Number(l['Period']) > month) continue;
          const key = lineKey(l);
          ledgerSums.set(key, (ledgerSums.get(key) ?? new Decimal(0)).plus(l['Amount']!));
        }
        const returned = rowsOf(name);
        expect(returned.length).toBeGreaterThan(50);
        const lines = new Set<string>();
        for (const r of returned) {
          const key = lineKey(r);
          lines.add(key);
          expect(Number(r['Period'])).toBe(month);
          expect(new Decimal(r['Actual to date']!).toFixed(2), key).toBe(
            (ledgerSums.get(key) ?? new Decimal(0)).toFixed(2),
          );
          if (month === 12) expect(r['Forecast outturn'], key).toBe(r['Actual to date']);
        }
        // Nothing posted to a line the return does not have.
        for (const [key, amount] of ledgerSums) if (!lines.has(key)) expect(amount.isZero(), key).toBe(true);
      },
    );

    it("returns the budget file's revised budget for every line", () => {
      const budget = new Map<string, Decimal>();
      for (const b of rowsOf(FILES_2018_19.budget)) {
        const key = lineKey(b);
        budget.set(key, (budget.get(key) ?? new Decimal(0)).plus(b['Revised budget']!));
      }
      for (const name of FILES_2018_19.returns)
        for (const r of rowsOf(name)) {
          const key = lineKey(r);
          expect(new Decimal(r['Budget']!).toFixed(2), `${name} ${key}`).toBe(budget.get(key)?.toFixed(2));
        }
    });
  });

  describe('the reserves, rolled forward from Table 5', () => {
    const t5 = rowsOf('table-5-reserves.csv');
    const r18 = rowsOf(FILES_2018_19.reserves);
    const of = (rows: Record<string, string>[], reserve: string): Record<string, string> =>
      rows.find((r) => r['Reserve'] === reserve)!;

    it('lists the same reserves, groups and row types as Table 5', () => {
      expect(r18.map((r) => [r['Group'], r['Reserve'], r['Row type']])).toEqual(
        t5.map((r) => [r['Group'], r['Reserve'], r['Row type']]),
      );
    });

    it("opens every reserve at its 2017/18 closing but one: the ICT Development Reserve, planted 5 (£'000) above", () => {
      const differences = t5
        .filter((r) => r['Row type'] === 'item')
        .flatMap((r) => {
          const opening = k(of(r18, r['Reserve']!)["Balance 1/4/18 (£'000)"]);
          const closing = k(r["Balance 31/3/18 (£'000)"]);
          return opening.equals(closing) ? [] : [[r['Reserve'], opening.minus(closing).toNumber()]];
        });
      // Table 5: ICT Development Reserve 432 at 31/3/18; 2018/19 opens at 437.
      expect(differences).toEqual([['ICT Development Reserve', 5]]);
      expect(of(r18, 'ICT Development Reserve')["Balance 1/4/18 (£'000)"]).toBe('437');
    });

    it("uses in 2018/19 the Carry Forward Revenue Reserve's 2017/18 additions (1,012), and applies them in the budget", () => {
      expect(k(of(t5, 'Carry Forward Revenue Reserve')["Added to Reserve (£'000)"]).toNumber()).toBe(1012);
      expect(of(r18, 'Carry Forward Revenue Reserve')["Actual usage (£'000)"]).toBe('(1,012)');
      const applied = rowsOf(FILES_2018_19.budget).filter((b) => b['Area'] === 'Carry Forwards');
      expect(add(applied.map((b) => new Decimal(b['Revised budget']!))).toFixed(2)).toBe('-1012000.00');
    });

    it('casts: closing = opening + added + usage on every row; Total Earmarked = the 12 above; Total Usable = that + General', () => {
      const cols = [
        "Balance 1/4/18 (£'000)",
        "Added to Reserve (£'000)",
        "Actual usage (£'000)",
        "Balance 31/3/19 (£'000)",
      ];
      for (const r of r18) {
        const [opening, added, usage, closing] = cols.map((c) => k(r[c]));
        expect(opening!.plus(added!).plus(usage!).toNumber(), r['Reserve']).toBe(closing!.toNumber());
      }
      const items = r18.filter((r) => r['Row type'] === 'item');
      const earmarked = of(r18, 'Total Earmarked Reserves');
      const usable = of(r18, 'Total Usable Reserves');
      for (const c of cols) {
        expect(add(items.slice(0, 12).map((r) => k(r[c]))).toNumber(), c).toBe(k(earmarked[c]).toNumber());
        expect(
          k(earmarked[c])
            .plus(k(of(r18, 'General Reserve')[c]))
            .toNumber(),
          c,
        ).toBe(k(usable[c]).toNumber());
      }
      // By hand: Table 5 closes at 24,231 in all; 2018/19 opens 5 higher.
      expect(usable["Balance 1/4/18 (£'000)"]).toBe('24,236');
    });

    it("passes the app's Table 5 casting checks with no rounding difference", () => {
      const checks = checkPrintedTable(
        PAPER_2017_18['table-5-reserves.csv'],
        readPrintedTable(FILES_2018_19.reserves, read(FILES_2018_19.reserves)),
      );
      expect(checks.unmatched).toEqual([]);
      expect(checks.checks.length).toBeGreaterThan(15);
      expect(checks.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    });
  });

  describe('the capital programme', () => {
    const t4 = rowsOf(FILES_2018_19.capitalProgramme);
    const bfwd = "B/Fwd from previous years (£'000)";

    it("brings forward what 2017/18 carried: Appendix 4's requests by category, adding to Table 4's transfer (2,173)", () => {
      // Appendix 4 by scheme: Land & Buildings C8068 361 + C8106 63 + C8114 371 = 795; IT & Communications
      // C8097 20 + C8098 32 + C8111 410 + C8122 14 + C8115 31 + C8110 2 + C8049 8 = 517; Fleet and
      // Collaboration as Appendix 3's Predicted C/Fwd [M] totals for those sections. The requests add to 2,153;
      // Table 4 transferred 2,173 to the Capital Carry Forward Reserve: the 20 Appendix 4 does not itemise is
      // placed in IT & Communications (data/README.md).
      const a3 = rowsOf('appendix-3-capital-schemes.csv');
      const m = (label: string): Decimal =>
        k(a3.find((r) => r['Scheme Title'] === label)!["Predicted C/Fwd (£'000) [M]"]);
      const a4 = rowsOf('appendix-4-capital-carry-forwards.csv');
      const requested = (codes: string[]): Decimal =>
        add(a4.filter((r) => codes.includes(r['Job Code']!)).map((r) => k(r["Requested Carry Forward (£'000)"])));
      const allRequests = add(a4.map((r) => k(r["Requested Carry Forward (£'000)"])));
      const financing = rowsOf('table-4-capital-financing.csv').find((r) => r['Row type'] === 'total')!;
      const transfer = k(financing["Transfer to Capital Carry Forward Reserve (£'000)"]);
      expect([allRequests.toNumber(), transfer.toNumber()]).toEqual([2153, 2173]);
      const expected: [string, Decimal][] = [
        ['Land & Buildings', requested(['C8068', 'C8106', 'C8114'])],
        [
          'IT & Communications',
          requested(['C8097', 'C8098', 'C8111', 'C8122', 'C8115', 'C8110', 'C8049']).plus(transfer.minus(allRequests)),
        ],
        ['Fleet', m('Fleet Total')],
        ['Collaboration', m('Collaboration Total')],
      ];
      expect(expected.map(([c, v]) => [c, v.toNumber()])).toEqual([
        ['Land & Buildings', 795],
        ['IT & Communications', 537],
        ['Fleet', 413],
        ['Collaboration', 428],
      ]);
      for (const [category, amount] of expected)
        expect(k(t4.find((r) => r['Capital Payments'] === category)![bfwd]).toNumber(), category).toBe(
          amount.toNumber(),
        );
      const total = t4.find((r) => r['Row type'] === 'total')!;
      expect(total[bfwd]).toBe('2,173');
    });

    it('casts: Revised = B/Fwd + Original + Amendments, % = Outturn / Revised, rows add to TOTAL', () => {
      const cols = [
        bfwd,
        "Original 2018/19 Capital Programme (£'000)",
        "Previously Authorised Programme Amendments (£'000)",
        "Revised 2018/19 Capital Budget (£'000)",
        "Outturn 2018/19 (£'000)",
      ];
      for (const r of t4) {
        const [b, o, a, revised, outturn] = cols.map((c) => k(r[c]));
        expect(b!.plus(o!).plus(a!).toNumber(), r['Capital Payments']).toBe(revised!.toNumber());
        expect(r['%'], r['Capital Payments']).toBe(`${outturn!.times(100).dividedBy(revised!).toFixed(1)}%`);
      }
      const items = t4.filter((r) => r['Row type'] === 'item');
      const total = t4.find((r) => r['Row type'] === 'total')!;
      for (const c of cols) expect(add(items.map((r) => k(r[c]))).toNumber(), c).toBe(k(total[c]).toNumber());
      const checks = checkPrintedTable(
        PAPER_2017_18['table-4-capital-programme.csv'],
        readPrintedTable(FILES_2018_19.capitalProgramme, read(FILES_2018_19.capitalProgramme)),
      );
      expect(checks.unmatched).toEqual([]);
      expect(checks.checks.filter((c) => c.status !== 'pass')).toEqual([]);
    });

    it("adds 2018/19's slippage to the Capital Carry Forward Reserve and uses 2017/18's (2,173)", () => {
      const reserve = rowsOf(FILES_2018_19.reserves).find((r) => r['Reserve'] === 'Capital Carry Forward Reserve')!;
      expect(reserve["Balance 1/4/18 (£'000)"]).toBe('2,173');
      expect(reserve["Actual usage (£'000)"]).toBe('(2,173)');
      // What the programme did not spend, less what it carries forward, is an underspend: never negative.
      const underspend = t4
        .filter((r) => r['Row type'] === 'item')
        .map((r) => k(r["Revised 2018/19 Capital Budget (£'000)"]).minus(k(r["Outturn 2018/19 (£'000)"])));
      expect(k(reserve["Added to Reserve (£'000)"]).lessThanOrEqualTo(add(underspend))).toBe(true);
    });
  });

  it("Table 1 for 2018/19 agrees with the P12 return's totals by area, and casts", () => {
    const groups: Record<string, string[]> = {
      Constabulary: [
        'Local Policing',
        'Organisational Support',
        'Collaboration',
        'Income',
        'Carry Forwards',
        'Constabulary Reserves',
      ],
      OPCC: ['Commissioner and Staff', 'Supplies and Services'],
      'Grants, Capital Financing and costs of surplus properties': [
        'Corporate Costs and Grants',
        'Property in Capital Financing Costs',
        'Costs of surplus properties',
        'Corporate Reserves',
      ],
    };
    const p12 = rowsOf(FILES_2018_19.returns[3]!);
    const t1 = rowsOf(FILES_2018_19.revenueOutturn);
    const inThousands = (pounds: Decimal): number => pounds.dividedBy(1000).toNumber();
    for (const [group, areas] of Object.entries(groups)) {
      const lines = p12.filter((r) => areas.includes(r['Area']!));
      const row = t1.find((r) => r['Area'] === group)!;
      expect(k(row["Budget 2018/19 (£'000)"]).toNumber(), group).toBe(
        inThousands(add(lines.map((r) => new Decimal(r['Budget']!)))),
      );
      expect(k(row["Year-End Outturn (£'000)"]).toNumber(), group).toBe(
        inThousands(add(lines.map((r) => new Decimal(r['Forecast outturn']!)))),
      );
    }
    // Every area of the return is in Table 1 but the OPCC's Transfer to Reserves (below the line, as in
    // 2017/18), which is nil in 2018/19.
    const placed = new Set(Object.values(groups).flat());
    const others = p12.filter((r) => !placed.has(r['Area']!));
    expect([...new Set(others.map((r) => r['Area']))]).toEqual(['Transfer to Reserves']);
    expect(add(others.map((r) => new Decimal(r['Forecast outturn']!))).isZero()).toBe(true);
    const checks = checkPrintedTable(
      PAPER_2017_18['table-1-revenue-outturn.csv'],
      readPrintedTable(FILES_2018_19.revenueOutturn, read(FILES_2018_19.revenueOutturn)),
    );
    expect(checks.unmatched).toEqual([]);
    expect(checks.checks.filter((c) => c.status !== 'pass')).toEqual([]);
  });
});
