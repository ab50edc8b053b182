import Papa from 'papaparse';
import { toCsv } from './csv-write';
import { ZERO, parseAmount, type Money } from '../domain/core/money';
import { toThousands } from '../domain/core/units';
import type { PlannedMovement } from '../domain/reserves/mtfs-planner';
import { formatFinancialYear, parseFinancialYear } from '../domain/core/period';
import { keyOf } from '../domain/checks/table-rows';

/*
 * Planned reserve movements from a CSV: one row per reserve and year,
 *
 *   Reserve,Year,Contribution (£'000),Drawdown (£'000)
 *   General Reserve,2019/20,,"2,000"
 *
 * - Reserve is matched to the loaded reserves by its printed name (keyOf: case, "&"/"and" and
 *   punctuation do not matter, so "Road Casualty Reduction & Support Fund (*)" matches).
 * - Year is a financial year (2019/20, 2019-20, FY2019/20).
 * - The amount headers must say their unit, (£'000) or (£): a bare number could be either.
 * - A blank amount is no movement: a plan lists only what moves.
 * - A drawdown may be written 500 or (500), as Table 5 prints usage in brackets; both draw 500. A
 *   negative contribution is refused: it is a drawdown and belongs in that column.
 * Never throws: every row is either accepted or reported with its line and column.
 */

export interface ReserveName {
  key: string;
  label: string;
}

export interface MovementIssue {
  /** The row as a spreadsheet numbers it (header = 1); 1 for a problem with the header. */
  line: number;
  column: string;
  message: string;
}

export interface PlannedMovementsResult {
  movements: PlannedMovement[];
  issues: MovementIssue[];
  /** Data rows read: accepted + rejected. */
  rowsRead: number;
  rowsAccepted: number;
}

type Scale = 'thousands' | 'pounds';

function unitOf(header: string): Scale | null {
  if (/£\s*'?000|£k\b/i.test(header)) return 'thousands';
  if (/\(£\)/.test(header)) return 'pounds';
  return null;
}

const HEADERS = {
  reserve: /^reserve/i,
  year: /^(financial )?year/i,
  contribution: /^(contribution|added|addition|transfer to)/i,
  drawdown: /^(drawdown|draw|usage|used|transfer from)/i,
};

/** Reads planned movements; `reserves` are the reserves they may name, `years` (optional) the plan's years. */
export function readPlannedMovements(
  text: string,
  reserves: readonly ReserveName[],
  years?: readonly number[],
): PlannedMovementsResult {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: 'greedy' });
  const [head = [], ...body] = parsed.data;
  const issues: MovementIssue[] = parsed.errors.map((e) => ({
    line: (e.row ?? 0) + 1,
    column: '',
    message: e.message,
  }));
  const index = (pattern: RegExp) => head.findIndex((h) => pattern.test(h.trim()));
  const columns = {
    reserve: index(HEADERS.reserve),
    year: index(HEADERS.year),
    contribution: index(HEADERS.contribution),
    drawdown: index(HEADERS.drawdown),
  };
  const missing = Object.entries(columns)
    .filter(([, i]) => i < 0)
    .map(([name]) => name);
  if (missing.length > 0) {
    issues.push({
      line: 1,
      column: '',
      message: `The header has no ${missing.join(', ')} column (expected Reserve, Year, Contribution (£'000), Drawdown (£'000))`,
    });
    return { movements: [], issues, rowsRead: body.length, rowsAccepted: 0 };
  }
  const contributionHeader = head[columns.contribution]!.trim();
  const drawdownHeader = head[columns.drawdown]!.trim();
  const scales = { contribution: unitOf(contributionHeader), drawdown: unitOf(drawdownHeader) };
  for (const [name, header] of [
    ['contribution', contributionHeader],
    ['drawdown', drawdownHeader],
  ] as const) {
    if (scales[name] === null)
      issues.push({
        line: 1,
        column: header,
        message: `"${header}" does not say its unit; write (£'000) or (£) so that 500 cannot be read two ways`,
      });
  }
  if (scales.contribution === null || scales.drawdown === null)
    return { movements: [], issues, rowsRead: body.length, rowsAccepted: 0 };

  const byKey = new Map(reserves.map((r) => [r.key, r]));
  const seen = new Set<string>();
  const movements: PlannedMovement[] = [];
  body.forEach((cells, i) => {
    const line = i + 2;
    const problems: MovementIssue[] = [];
    const name = (cells[columns.reserve] ?? '').trim();
    const reserve = byKey.get(keyOf(name));
    if (!reserve)
      problems.push({ line, column: head[columns.reserve]!, message: `"${name}" is not one of the loaded reserves` });
    const yearText = cells[columns.year] ?? '';
    const year = parseFinancialYear(yearText);
    if (!year.ok) for (const i of year.issues) problems.push({ line, column: head[columns.year]!, message: i.message });
    else if (years && !years.includes(year.value.startYear)) {
      problems.push({
        line,
        column: head[columns.year]!,
        message: `${formatFinancialYear(year.value)} is outside the plan's years`,
      });
    }
    const amount = (column: 'contribution' | 'drawdown'): Money | null => {
      const header = column === 'contribution' ? contributionHeader : drawdownHeader;
      const r = parseAmount(cells[columns[column]] ?? '', { scale: scales[column]! });
      if (!r.ok) {
        for (const i of r.issues) problems.push({ line, column: header, message: i.message });
        return null;
      }
      const value = r.value.amount ?? ZERO;
      if (column === 'contribution' && value.isNegative()) {
        problems.push({
          line,
          column: header,
          message: 'A negative contribution is a drawdown: put it in the drawdown column',
        });
        return null;
      }
      return value.abs();
    };
    const contribution = amount('contribution');
    const drawdown = amount('drawdown');
    if (reserve && year.ok) {
      const id = `${reserve.key}|${year.value.startYear}`;
      if (seen.has(id))
        problems.push({
          line,
          column: head[columns.reserve]!,
          message: `${reserve.label} ${formatFinancialYear(year.value)} is already planned on an earlier row; this row was not used`,
        });
      else if (problems.length === 0) seen.add(id);
    }
    if (problems.length > 0 || !reserve || !year.ok || contribution === null || drawdown === null) {
      issues.push(...problems);
      return;
    }
    movements.push({ reserveKey: reserve.key, year: year.value.startYear, contribution, drawdown });
  });
  return { movements, issues, rowsRead: body.length, rowsAccepted: movements.length };
}

/** The plan as a CSV that readPlannedMovements reads back: £'000, exact (no rounding), nil rows left out. */
export function writePlannedMovements(movements: readonly PlannedMovement[], reserves: readonly ReserveName[]): string {
  const label = new Map(reserves.map((r) => [r.key, r.label]));
  const rows = movements
    .filter((m) => !m.contribution.isZero() || !m.drawdown.isZero())
    .map((m) => [
      label.get(m.reserveKey) ?? m.reserveKey,
      formatFinancialYear({ startYear: m.year }),
      m.contribution.isZero() ? '' : toThousands(m.contribution).toString(),
      m.drawdown.isZero() ? '' : toThousands(m.drawdown).toString(),
    ]);
  return toCsv(['Reserve', 'Year', "Contribution (£'000)", "Drawdown (£'000)"], rows);
}
