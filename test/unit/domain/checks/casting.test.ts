import { describe, expect, it } from 'vitest';
import { Money } from '../../../../src/domain/core/money';
import { checkTable, countByStatus, type CastingTable } from '../../../../src/domain/checks/casting';

const k = (thousands: string | null): Money | null => (thousands === null ? null : new Money(thousands).times(1000));
const THOUSAND = new Money(1000);

// Table 1 of the 19 July 2018 paper, as printed (£'000).
const table1: CastingTable = {
  id: 'table-1',
  title: 'Table 1: Revenue Outturn 2017/18',
  printedUnit: THOUSAND,
  rows: [
    {
      key: 'constabulary',
      label: 'Constabulary',
      values: { budget: k('126252'), outturn: k('128040'), variance: k('1788') },
    },
    { key: 'opcc', label: 'OPCC', values: { budget: k('1194'), outturn: k('1098'), variance: k('-96') } },
    {
      key: 'grants',
      label: 'Grants, Capital Financing and costs of surplus properties',
      values: { budget: k('3514'), outturn: k('3608'), variance: k('-94') },
    },
    { key: 'total', label: 'TOTAL', values: { budget: k('130959'), outturn: k('132811'), variance: k('1852') } },
  ],
};

describe('checkTable', () => {
  const results = checkTable(table1, [
    {
      kind: 'total',
      id: 't1.total',
      description: 'Items add to TOTAL',
      total: 'total',
      parts: ['constabulary', 'opcc', 'grants'],
      columns: ['budget', 'outturn', 'variance'],
    },
    {
      kind: 'formula',
      id: 't1.variance',
      description: 'Variance = Outturn - Budget',
      target: 'variance',
      terms: ['outturn', { ref: 'budget', sign: -1 }],
      rows: ['constabulary', 'opcc', 'grants', 'total'],
    },
  ]);
  const byId = new Map(results.map((r) => [r.id, r]));

  it.each([
    // 126,252 + 1,194 + 3,514 = 130,960; printed 130,959: off by 1 with 3 terms + total (tolerance 2): rounding.
    ['t1.total.budget', 'rounding', '-1000'],
    // 128,040 + 1,098 + 3,608 = 132,746; printed 132,811: off by 65: failure.
    ['t1.total.outturn', 'fail', '65000'],
    // 1,788 - 96 - 94 = 1,598; printed 1,852: off by 254 (the Grants variance is printed as (94) but is +94).
    ['t1.total.variance', 'fail', '254000'],
    // 128,040 - 126,252 = 1,788: pass.
    ['t1.variance.constabulary', 'pass', '0'],
    // 1,098 - 1,194 = -96: pass.
    ['t1.variance.opcc', 'pass', '0'],
    // 3,608 - 3,514 = +94, printed (94): off by -188.
    ['t1.variance.grants', 'fail', '-188000'],
    // 132,811 - 130,959 = 1,852: pass.
    ['t1.variance.total', 'pass', '0'],
  ])('%s is %s by %s', (id, status, difference) => {
    const r = byId.get(id);
    expect(r?.status).toBe(status);
    expect(r?.difference?.toString()).toBe(difference);
  });

  it('counts and links each check to its rows', () => {
    expect(countByStatus(results)).toEqual({ pass: 3, rounding: 1, fail: 3, incomplete: 0 });
    expect(byId.get('t1.total.budget')?.rowKeys).toEqual(['constabulary', 'opcc', 'grants', 'total']);
  });

  it('reports a check with a missing figure as incomplete, never as zero', () => {
    const gap: CastingTable = {
      ...table1,
      rows: table1.rows.map((r) => (r.key === 'opcc' ? { ...r, values: { ...r.values, outturn: null } } : r)),
    };
    const [r] = checkTable(gap, [
      {
        kind: 'total',
        id: 'x',
        description: '',
        total: 'total',
        parts: ['constabulary', 'opcc', 'grants'],
        columns: ['outturn'],
      },
    ]);
    expect(r?.status).toBe('incomplete');
    expect(r?.missing).toEqual(['opcc / outturn']);
    expect(r?.difference).toBeNull();
  });

  it('tolerates half a unit per term and no more', () => {
    const t = (total: string): CastingTable => ({
      id: 't',
      title: 't',
      printedUnit: THOUSAND,
      rows: [
        { key: 'a', label: 'a', values: { v: k('10') } },
        { key: 'b', label: 'b', values: { v: k('20') } },
        { key: 'total', label: 'total', values: { v: k(total) } },
      ],
    });
    const rule = [
      { kind: 'total' as const, id: 'r', description: '', total: 'total', parts: ['a', 'b'], columns: ['v'] },
    ];
    // Two terms and a total: each up to 0.5 off, so at most 1.5: a difference of 1 is rounding, 2 a failure.
    expect(checkTable(t('31'), rule)[0]?.status).toBe('rounding');
    expect(checkTable(t('32'), rule)[0]?.status).toBe('fail');
    expect(checkTable(t('30'), rule)[0]?.status).toBe('pass');
    // Printed in pence (exact ledger figures), any difference is a failure.
    expect(checkTable({ ...t('31'), printedUnit: new Money('0.01') }, rule)[0]?.status).toBe('fail');
  });

  it('checks percentages by the range the printed figures allow', () => {
    // Table 4: Land & Buildings outturn 1,629 of revised 2,440 = 66.762%, printed 66.8%: pass.
    // Collaboration 1,242 / 1,585 = 78.36%, printed 78.3% (truncated): 78.3 lies within 1,241.5/1,585.5 = 78.30%: rounding.
    // A printed 70.0% is far outside: failure.
    const t: CastingTable = {
      id: 't4',
      title: 'Table 4',
      printedUnit: THOUSAND,
      rows: [
        {
          key: 'lb',
          label: 'Land & Buildings',
          values: { outturn: k('1629'), revised: k('2440'), pct: new Money('66.8') },
        },
        {
          key: 'collab',
          label: 'Collaboration',
          values: { outturn: k('1242'), revised: k('1585'), pct: new Money('78.3') },
        },
        { key: 'bad', label: 'Bad', values: { outturn: k('1242'), revised: k('1585'), pct: new Money('70.0') } },
        { key: 'nil', label: 'Nil budget', values: { outturn: k('0'), revised: k('0'), pct: new Money('0') } },
      ],
    };
    const r = checkTable(t, [
      {
        kind: 'percentage',
        id: 'pct',
        description: '% spent',
        target: 'pct',
        numerator: 'outturn',
        denominator: 'revised',
        rows: ['lb', 'collab', 'bad', 'nil'],
      },
    ]);
    expect(r.map((x) => x.status)).toEqual(['pass', 'rounding', 'fail', 'incomplete']);
  });
});
