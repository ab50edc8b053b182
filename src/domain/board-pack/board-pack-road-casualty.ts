import {
  amountCell,
  roundColumn,
  roundedCell,
  roundingFootnote,
  statusCell,
  sumExact,
  sumShown,
  textCell,
  thousandsString,
  type PackPage,
  type PackStatus,
  type PackTable,
} from './board-pack';
import { ZERO, type Money } from '../core/money';
import { PAPER_COMMITMENT_YEAR } from '../papers/paper-2019-road-casualty';
import { formatFinancialYear } from '../core/period';
import {
  CASE_IDS,
  paperWorking,
  yearlyInflow,
  type CaseId,
  type CaseProjection,
  type RoadCasualtyInput,
} from '../reserves/road-casualty-reserve';
import { describeCases, formatK } from '../reserves/road-casualty-summary';

/*
 * The pack's Road Casualty Reduction & Support Reserve page: the paper's own sum on the inputs used
 * (rounded so that it casts), every inflow case with the earmarked items counted (where it ends, its
 * lowest balance, the years it falls below the floor and below zero), and the balance by year as a chart
 * with one sentence. Falling below zero is red, below the floor amber, neither green.
 */

const fy = (year: number): string => formatFinancialYear({ startYear: year });

const CASE_NAMES: Readonly<Record<CaseId, string>> = {
  none: 'No new inflow',
  low: 'Low',
  central: 'Central',
  high: 'High',
};
const DASHES: Readonly<Record<CaseId, string | undefined>> = {
  none: '8 4',
  low: '2 3',
  central: undefined,
  high: '12 3 3 3',
};

function caseName(input: RoadCasualtyInput, id: CaseId): string {
  if (id === 'none') return CASE_NAMES.none;
  const c = input.inflowCases[id];
  return `${CASE_NAMES[id]} (${formatK(yearlyInflow(c.source))} a year${c.overrides.length > 0 ? ', some years differ' : ''})`;
}

const crossing = (year: number | null, line: 'floor' | 'zero'): PackStatus =>
  year === null
    ? { icon: '✓', text: 'Not crossed', level: 'green' }
    : { icon: '▼', text: fy(year), level: line === 'zero' ? 'red' : 'amber' };

/** The paper's sum: balance less what is yet to be applied less the items due by the end of the paper's year, no new inflow. */
function paperSumTable(input: RoadCasualtyInput): PackTable {
  const lastYear = input.firstYear + input.horizonYears - 1;
  const year = Math.min(Math.max(PAPER_COMMITMENT_YEAR, input.firstYear), lastYear);
  const w = paperWorking(input, year);
  const items: { key: string; label: string; amount: Money }[] = [
    { key: 'opening', label: `Balance at 31 March ${input.firstYear}`, amount: w.opening },
    { key: 'to-apply', label: `less yet to be applied, ${fy(input.toApply.year)}`, amount: w.toApply.negated() },
    ...w.items.map((m) => ({
      key: m.key,
      label: `less ${m.label} (${m.commitment.status}, ${fy(m.year)})`,
      amount: m.amount.isZero() ? ZERO : m.amount.negated(),
    })),
  ];
  const shown = roundColumn(items.map((i) => i.amount));
  const table: PackTable = {
    id: 'road-casualty-paper-sum',
    caption: `Left at 31 March ${year + 1} if everything goes ahead, no new inflow (£'000)`,
    columns: [
      { key: 'item', header: 'Item', kind: 'text' },
      { key: 'amount', header: "£'000", kind: 'amount' },
    ],
    rows: [
      ...items.map((item, i) => ({
        key: item.key,
        label: item.label,
        rowType: 'item' as const,
        cells: { item: textCell(item.label), amount: roundedCell(item.amount, shown[i] ?? null) },
      })),
      {
        key: 'remainder',
        label: `Left at 31 March ${year + 1}`,
        rowType: 'total' as const,
        cells: {
          item: textCell(`Left at 31 March ${year + 1}`),
          amount: roundedCell(sumExact(items.map((i) => i.amount)), sumShown(shown)),
        },
      },
    ],
    rounding: 'controlled',
    footnotes: [],
  };
  return { ...table, footnotes: [roundingFootnote(table)] };
}

function caseTable(input: RoadCasualtyInput, projections: readonly CaseProjection[]): PackTable {
  const last = input.firstYear + input.horizonYears - 1;
  const chosen = CASE_IDS.map((id) => projections.find((p) => p.caseId === id && p.includeEarmarked)).filter(
    (p): p is CaseProjection => p !== undefined,
  );
  const table: PackTable = {
    id: 'road-casualty-cases',
    caption: `Each inflow case, earmarked items counted (floor ${formatK(input.floor)}; £'000)`,
    columns: [
      { key: 'case', header: 'Case', kind: 'text' },
      { key: 'closing', header: `At 31 March ${last + 1}`, kind: 'amount' },
      { key: 'lowest', header: 'Lowest', kind: 'amount' },
      { key: 'lowestYear', header: 'in', kind: 'text' },
      { key: 'floor', header: 'Below floor', kind: 'status' },
      { key: 'zero', header: 'Below zero', kind: 'status' },
      { key: 'headroom', header: 'Headroom', kind: 'amount' },
    ],
    rows: chosen.map((p) => ({
      key: p.caseId,
      label: caseName(input, p.caseId),
      rowType: 'item' as const,
      cells: {
        case: textCell(caseName(input, p.caseId)),
        closing: amountCell(p.years[p.years.length - 1]?.closing ?? null),
        lowest: amountCell(p.lowest?.closing ?? null),
        lowestYear: textCell(p.lowest ? fy(p.lowest.year) : ''),
        floor: statusCell(crossing(p.firstBelowFloor, 'floor')),
        zero: statusCell(crossing(p.firstBelowZero, 'zero')),
        headroom: amountCell(p.headroom),
      },
    })),
    rounding: 'each',
    footnotes: [],
  };
  return {
    ...table,
    footnotes: [
      `To ${fy(last)}. Lowest: the lowest balance at a year end, and the year. Headroom: the most that could still be spent once, in any year, without the balance falling below the floor.`,
      roundingFootnote(table),
    ],
  };
}

/** The Road Casualty Reserve page from the inputs used (`source` says which: the paper's case or a saved scenario). */
export function roadCasualtyPage(
  input: RoadCasualtyInput,
  projections: readonly CaseProjection[],
  source: string,
): PackPage {
  const chosen = CASE_IDS.map((id) => projections.find((p) => p.caseId === id && p.includeEarmarked)).filter(
    (p): p is CaseProjection => p !== undefined,
  );
  const years = chosen[0]?.years ?? [];
  return {
    id: 'road-casualty',
    section: 'Reserves',
    heading: 'Road Casualty Reduction & Support Reserve: projection',
    blocks: [
      {
        kind: 'text',
        tone: 'lede',
        text: `Inputs: ${source}. Opening balance ${formatK(input.openingBalance)} at 31 March ${input.firstYear}; inflow cases low ${formatK(yearlyInflow(input.inflowCases.low.source))}, central ${formatK(yearlyInflow(input.inflowCases.central.source))} and high ${formatK(yearlyInflow(input.inflowCases.high.source))} a year; floor ${formatK(input.floor)}.`,
      },
      {
        kind: 'columns',
        widths: [2, 3],
        columns: [
          [{ kind: 'table', table: paperSumTable(input) }],
          [{ kind: 'table', table: caseTable(input, projections) }],
        ],
      },
      {
        kind: 'chart',
        chart: {
          id: 'road-casualty-chart',
          kind: 'lines',
          title: 'Balance at each year end, by case, earmarked items counted',
          summary: describeCases(projections, input.floor, true),
          series: chosen.map((p) => ({
            key: p.caseId,
            name: CASE_NAMES[p.caseId],
            ...(DASHES[p.caseId] ? { dash: DASHES[p.caseId] } : {}),
          })),
          points: [
            {
              label: 'Opening',
              values: Object.fromEntries(chosen.map((p) => [p.caseId, thousandsString(input.openingBalance)])),
            },
            ...years.map((y, i) => ({
              label: fy(y.year),
              values: Object.fromEntries(chosen.map((p) => [p.caseId, thousandsString(p.years[i]?.closing ?? null)])),
            })),
          ],
          references: [
            { label: `Floor ${formatK(input.floor)}`, value: thousandsString(input.floor)! },
            { label: 'Zero', value: '0' },
          ],
        },
      },
    ],
  };
}
