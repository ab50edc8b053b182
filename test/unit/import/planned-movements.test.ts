// Planned reserve movements read from a CSV: every row accepted or reported with its line and column,
// units taken from the header and never guessed, and the written plan read back unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Money, ZERO } from '../../../src/domain/core/money';
import { toCsv } from '../../../src/import/csv-write';
import { readPlannedMovements, writePlannedMovements } from '../../../src/import/planned-movements';

const RESERVES = [
  { key: 'general-reserve', label: 'General Reserve' },
  { key: 'road-casualty-reduction-and-support-fund', label: 'Road Casualty Reduction & Support Fund' },
  { key: 'capital-reserve', label: 'Capital Reserve' },
];
const YEARS = [2018, 2019, 2020, 2021];
const HEAD = "Reserve,Year,Contribution (£'000),Drawdown (£'000)";
const read = (body: string, head = HEAD) => readPlannedMovements(`${head}\n${body}`, RESERVES, YEARS);
const plain = (r: ReturnType<typeof read>) =>
  r.movements.map((m) => [m.reserveKey, m.year, m.contribution.toString(), m.drawdown.toString()]);

describe('readPlannedMovements', () => {
  it('reads £000 amounts, financial years and reserve names as printed', () => {
    const r = read(
      [
        'General Reserve,2019/20,,"2,000"',
        'Road Casualty Reduction & Support Fund (*),2018-19,172,244',
        'capital reserve,FY2020/21,0.5,(100)',
      ].join('\n'),
    );
    expect(r.issues).toEqual([]);
    expect(plain(r)).toEqual([
      ['general-reserve', 2019, '0', '2000000'],
      // 172 and 244 (£'000) in pounds.
      ['road-casualty-reduction-and-support-fund', 2018, '172000', '244000'],
      // (100) in the drawdown column draws 100, as Table 5 prints usage; 0.5 (£'000) is £500.
      ['capital-reserve', 2020, '500', '100000'],
    ]);
    expect([r.rowsRead, r.rowsAccepted]).toEqual([3, 3]);
  });

  it('reads pounds when the header says (£)', () => {
    const r = read('General Reserve,2019/20,,"2,000.50"', 'Reserve,Year,Contribution (£),Drawdown (£)');
    expect(plain(r)).toEqual([['general-reserve', 2019, '0', '2000.5']]);
  });

  it('refuses a header that does not say its unit', () => {
    const r = read('General Reserve,2019/20,,500', 'Reserve,Year,Contribution,Drawdown');
    expect(r.movements).toEqual([]);
    expect(r.issues.map((i) => i.column)).toEqual(['Contribution', 'Drawdown']);
    expect(r.issues[0]!.message).toContain("(£'000) or (£)");
  });

  it('refuses a header without the columns it needs', () => {
    const r = readPlannedMovements('Reserve,Amount\nGeneral Reserve,5', RESERVES);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.message).toContain('no year, contribution, drawdown column');
  });

  it.each([
    { row: 'Police Horses Reserve,2019/20,1,', column: 'Reserve', message: 'not one of the loaded reserves' },
    { row: 'General Reserve,19/20,1,', column: 'Year', message: 'two-digit start year' },
    { row: 'General Reserve,2030/31,1,', column: 'Year', message: "outside the plan's years" },
    {
      row: 'General Reserve,2019/20,-5,',
      column: "Contribution (£'000)",
      message: 'negative contribution is a drawdown',
    },
    { row: 'General Reserve,2019/20,"1,23",', column: "Contribution (£'000)", message: 'separators' },
  ])('reports $column on line 2: $message', ({ row, column, message }) => {
    const r = read(row);
    expect(r.movements).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ line: 2, column });
    expect(r.issues[0]!.message).toContain(message);
    expect([r.rowsRead, r.rowsAccepted]).toEqual([1, 0]);
  });

  it('reports a reserve planned twice for one year, and keeps the first row', () => {
    const r = read('General Reserve,2019/20,,100\nGeneral Reserve,2019-20,,200');
    expect(plain(r)).toEqual([['general-reserve', 2019, '0', '100000']]);
    expect(r.issues).toMatchObject([{ line: 3, column: 'Reserve' }]);
    expect(r.issues[0]?.message).toContain('already planned');
  });

  it('accounts for every row: read = accepted + rows with an issue', () => {
    const row = fc.tuple(
      fc.constantFrom('General Reserve', 'Capital Reserve', 'Nope'),
      fc.constantFrom('2018/19', '2019/20', '2040/41', 'x'),
      fc.constantFrom('', '1', '(2)', '1,5', '3.25'),
      fc.constantFrom('', '7', '(8)', 'abc'),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 20 }), (rows) => {
        const r = readPlannedMovements(toCsv(HEAD.split(','), rows), RESERVES, YEARS);
        const rejectedLines = new Set(r.issues.map((i) => i.line));
        expect(r.rowsRead).toBe(rows.length);
        expect(r.rowsAccepted + rejectedLines.size).toBe(rows.length);
      }),
    );
  });
});

describe('writePlannedMovements', () => {
  it('writes £000 exactly and leaves nil rows out', () => {
    const csv = writePlannedMovements(
      [
        { reserveKey: 'general-reserve', year: 2019, contribution: ZERO, drawdown: new Money('2000500') },
        { reserveKey: 'capital-reserve', year: 2020, contribution: ZERO, drawdown: ZERO },
      ],
      RESERVES,
    );
    expect(csv).toBe("Reserve,Year,Contribution (£'000),Drawdown (£'000)\nGeneral Reserve,2019/20,,2000.5");
  });

  it('reads back what it wrote', () => {
    const amount = fc.integer({ min: 0, max: 1_000_000_00 }).map((p) => new Money(p).dividedBy(100));
    const movement = fc.record({
      reserveKey: fc.constantFrom(...RESERVES.map((r) => r.key)),
      year: fc.constantFrom(...YEARS),
      contribution: amount,
      drawdown: amount,
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(movement, { selector: (m) => `${m.reserveKey}|${m.year}`, maxLength: 12 }),
        (movements) => {
          const back = readPlannedMovements(writePlannedMovements(movements, RESERVES), RESERVES, YEARS);
          expect(back.issues).toEqual([]);
          const kept = movements.filter((m) => !m.contribution.isZero() || !m.drawdown.isZero());
          expect(
            back.movements.map(
              (m) => `${m.reserveKey}|${m.year}|${m.contribution.toString()}|${m.drawdown.toString()}`,
            ),
          ).toEqual(kept.map((m) => `${m.reserveKey}|${m.year}|${m.contribution.toString()}|${m.drawdown.toString()}`));
        },
      ),
    );
  });
});

describe('toCsv', () => {
  it('stops a cell from running as a formula, but keeps negative numbers as numbers', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [['=1+1', '-2000.5', '-1+2', '@x']])).toBe(
      `a,b,c,d\n"'=1+1",-2000.5,"'-1+2","'@x"`,
    );
  });
});
