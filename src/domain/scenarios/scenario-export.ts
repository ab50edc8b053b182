import { roundHalfAwayFromZero, type Money } from '../core/money';
import type { MtfsProjection } from '../reserves/mtfs-planner';
import { formatFinancialYear } from '../core/period';
import type { CaseId, CaseProjection } from '../reserves/road-casualty-reserve';
import { scenarioEntries, type Scenario } from './scenario';

/*
 * A scenario and its projections as one tidy table for a spreadsheet: one value per row, so it can be
 * filtered and pivoted. Amounts are exact pounds (no rounding); shares of the budget are percentages
 * rounded to 6 decimal places, half away from zero (the only rounding, and the Measure says so).
 */

export const EXPORT_HEADER = ['Section', 'Item', 'Case', 'Year', 'Measure', 'Value'] as const;

const CASE_NAMES: Readonly<Record<CaseId, string>> = {
  none: 'No new inflow',
  low: 'Low',
  central: 'Central',
  high: 'High',
};

/** "Low, with earmarked items" / "No new inflow, without earmarked items". */
function caseName(p: Pick<CaseProjection, 'caseId' | 'includeEarmarked'>): string {
  return `${CASE_NAMES[p.caseId]}, ${p.includeEarmarked ? 'with' : 'without'} earmarked items`;
}

const year = (y: number | null): string => (y === null ? '' : formatFinancialYear({ startYear: y }));
const pounds = (m: Money): string => m.toString();
const percent6 = (m: Money): string => roundHalfAwayFromZero(m, 6).toFixed(6);

/** The rows (without the header) of a scenario's export. */
export function scenarioExportRows(
  scenario: Scenario,
  roadCasualty: readonly CaseProjection[],
  mtfs: MtfsProjection,
  reserveLabel?: (key: string) => string,
): string[][] {
  const rows: string[][] = [
    ['Scenario', 'Name', '', '', 'text', scenario.name],
    ['Scenario', 'Saved at', '', '', 'text', scenario.savedAt],
  ];
  for (const e of scenarioEntries(scenario.inputs, reserveLabel)) {
    const measure = e.unit === 'pounds' ? 'amount (£)' : e.unit === 'percent' ? 'percent' : e.unit;
    rows.push([`Input: ${e.model}`, e.label, '', '', measure, e.exact]);
  }
  for (const p of roadCasualty) {
    const name = caseName(p);
    for (const y of p.years) {
      for (const [measure, value] of [
        ['opening (£)', y.opening],
        ['inflow (£)', y.inflow],
        ['outflow (£)', y.outflow],
        ['closing (£)', y.closing],
      ] as const) {
        rows.push(['Road Casualty Reserve projection', 'Balance', name, year(y.year), measure, pounds(value)]);
      }
    }
    rows.push([
      'Road Casualty Reserve projection',
      'First year below the floor',
      name,
      '',
      'year',
      year(p.firstBelowFloor) || 'not within the horizon',
    ]);
    rows.push([
      'Road Casualty Reserve projection',
      'First year below zero',
      name,
      '',
      'year',
      year(p.firstBelowZero) || 'not within the horizon',
    ]);
  }
  for (const plan of mtfs.reserves) {
    const label = plan.reserve.label;
    for (const y of plan.years) {
      for (const [measure, value] of [
        ['opening (£)', y.opening],
        ['contribution (£)', y.inflow],
        ['drawdown (£)', y.outflow],
        ['closing (£)', y.closing],
      ] as const) {
        rows.push(['MTFS projection', label, '', year(y.year), measure, pounds(value)]);
      }
    }
    rows.push([
      'MTFS projection',
      label,
      '',
      '',
      'runs out during (at the latest net drawdown)',
      year(plan.atLatestRate.runsOutDuring) || 'not drawn down',
    ]);
  }
  for (const t of mtfs.totals)
    rows.push(['MTFS projection', 'Total usable reserves', '', year(t.year), 'closing (£)', pounds(t.total)]);
  for (const g of mtfs.general) {
    rows.push([
      'MTFS projection',
      'General reserve share of the net revenue budget',
      '',
      year(g.year),
      'percent (6 dp, half away from zero)',
      g.percent === null ? 'no budget given' : percent6(g.percent),
    ]);
  }
  return rows;
}
