// The projection after the loaded years (the Reserves page): from the latest year's closing balances, through
// the planned movements of the latest saved scenario that starts from that year, and saying so in words.
// Balances are Table 5's (BCB 19 July 2018); the expected figures are worked by hand from it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { toReservesPosition } from '../../../src/api/planner-inputs';
import { projectionBasis, projectionInput, scenarioFor } from '../../../src/api/reserves-years';
import type { Money } from '../../../src/domain/core/money';
import { fromThousands, thousands } from '../../../src/domain/core/units';
import { projectMtfs } from '../../../src/domain/reserves/mtfs-planner';
import { readPrintedTable } from '../../../src/import/printed-table';
import { generalReserveDrawdown, savedScenario } from '../helpers/saved-scenario';

const k = (t: number | string): Money => fromThousands(thousands(t));
const position = toReservesPosition(
  readPrintedTable(
    'table-5-reserves.csv',
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'data', 'table-5-reserves.csv'), 'utf8'),
  ),
);
const draw = generalReserveDrawdown;
const scenario = savedScenario;
// Newest first, as storage lists them.
const saved = [
  scenario('From 2018/19', '2026-12-02T09:00:00.000Z', 2018, [draw(2019, 500)]),
  scenario('Draw 2,000 a year', '2026-12-01T09:00:00.000Z', 2017, [draw(2018, 2000), draw(2019, 2000)]),
  scenario('Older', '2026-11-01T09:00:00.000Z', 2017, []),
];

describe('the projection after the loaded years', () => {
  it('applies the latest saved scenario that starts from the latest year, over its own years', () => {
    const chosen = scenarioFor(saved, 2017);
    expect(chosen?.id).toBe('Draw 2,000 a year');
    const p = projectMtfs(position, projectionInput(2017, chosen), null);
    // General Reserve 7,198: 5,198 at 31 March 2019; 3,198 at 31 March 2020; then flat to 2022/23 (five years).
    const general = p.reserves.find((r) => r.reserve.key === 'general-reserve')!;
    expect(p.years).toEqual([2018, 2019, 2020, 2021, 2022]);
    expect(general.years.map((y) => y.closing.dividedBy(1000).toString())).toEqual([
      '5198',
      '3198',
      '3198',
      '3198',
      '3198',
    ]);
    // Table 5's usable reserves, 24,231, less 4,000.
    expect(p.totals.at(-1)!.total.eq(k(20231))).toBe(true);
    expect(projectionBasis(2017, chosen)).toBe(
      'From the closing balances of 2017/18, through the 2 planned movements of the scenario “Draw 2,000 a year” (the latest saved that starts from that year).',
    );
  });

  it('carries the balances flat for four years when no scenario starts from that year, and says so', () => {
    expect(scenarioFor(saved, 2019)).toBeNull();
    const p = projectMtfs(position, projectionInput(2019, null), null);
    expect(p.years).toEqual([2020, 2021, 2022, 2023]);
    expect(p.totals.every((t) => t.total.eq(k(24231)))).toBe(true);
    expect(projectionBasis(2019, null)).toMatch(/^From the closing balances of 2019\/20, with no movements planned/);
  });

  it('applies the scenario the reader chose among those that start from that year, and says it was chosen', () => {
    expect(scenarioFor(saved, 2017, 'Older')?.id).toBe('Older');
    // A choice that starts from another year is not applied: the latest that starts from this one is.
    expect(scenarioFor(saved, 2017, 'From 2018/19')?.id).toBe('Draw 2,000 a year');
    expect(projectionBasis(2017, scenarioFor(saved, 2017, 'Older'), true)).toBe(
      'From the closing balances of 2017/18, through the 0 planned movements of the scenario “Older” (chosen of the scenarios saved that start from that year).',
    );
  });
});
