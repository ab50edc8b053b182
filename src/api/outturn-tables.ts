import { useQuery } from '@tanstack/react-query';
import { buildOutturnTable, type OutturnInputRow, type OutturnTable } from '../domain/revenue/outturn-table';
import { rowKeys } from '../domain/checks/table-checks';
import { formatFinancialYear, financialYear } from '../domain/core/period';
import { findColumn, mappedColumn, type PrintedTable } from '../import/printed-table';
import type { DatasetMeta } from '../storage/datasets';
import { yearTablesQuery, type PaperTableKey, type YearTables } from './year-tables';

/** Reads a budget/outturn table's columns: as the import mapped them, else by the paper's headers. */
export function toOutturnRows(table: PrintedTable): OutturnInputRow[] {
  const budget = mappedColumn(table, 'budget', /budget/i);
  const outturn = mappedColumn(table, 'forecast', /outturn/i);
  const printedVariance = findColumn(table, /variance/i);
  const printedPercent = findColumn(table, /variance/i, 'percent');
  const keys = rowKeys(table.rows);
  return table.rows.map((row, i) => {
    const value = (column: string | undefined) => (column ? (row.values[column] ?? null) : null);
    return {
      key: keys[i]!,
      label: row.label,
      rowType: row.rowType,
      budget: value(budget),
      outturn: value(outturn),
      printedVariance: value(printedVariance),
      printedPercent: value(printedPercent),
    };
  });
}

/** The year-end revenue tables a year may have: the group's (Table 1), the Constabulary's by area, the OPCC's. */
export const REVENUE_TABLE_KEYS = [
  'table-1-revenue-outturn.csv',
  'constabulary-summary.csv',
  'table-3-opcc-corporate-costs.csv',
] as const satisfies readonly PaperTableKey[];

export type RevenueTableKey = (typeof REVENUE_TABLE_KEYS)[number];

/** The 2017/18 paper's own titles (the tables of BCB 19 July 2018); used for 2017/18 only. */
const PAPER_TITLES: Readonly<Record<RevenueTableKey, string>> = {
  'table-1-revenue-outturn.csv': 'Table 1: Revenue Outturn 2017/18',
  'constabulary-summary.csv': 'Draft Outturn 2017/18: Constabulary summary',
  'table-3-opcc-corporate-costs.csv': 'Table 3: OPCC and Corporate Costs 2017/18',
};

const TITLES: Readonly<Record<RevenueTableKey, string>> = {
  'table-1-revenue-outturn.csv': 'Revenue outturn',
  'constabulary-summary.csv': 'Constabulary outturn by area',
  'table-3-opcc-corporate-costs.csv': 'OPCC and corporate costs outturn',
};

/** A year-end table's title for the year it is of: the paper's own for 2017/18, else the kind and the year. */
export function revenueTableTitle(year: number, key: RevenueTableKey): string {
  return year === 2017 ? PAPER_TITLES[key] : `${TITLES[key]} ${formatFinancialYear(financialYear(year))}`;
}

export interface RevenueYearTables {
  year: number;
  /** The tables the year has, in the order asked, with worked variances and casting checks. */
  tables: { key: RevenueTableKey; table: OutturnTable; dataset: DatasetMeta }[];
  missing: RevenueTableKey[];
  illustrative: boolean;
}

/** A year's printed revenue tables as outturn tables, titled with their year. */
function revenueYearTables(found: YearTables): RevenueYearTables {
  const tables: RevenueYearTables['tables'] = [];
  for (const key of REVENUE_TABLE_KEYS) {
    const printed = found.tables.get(key);
    const dataset = found.datasets.get(key);
    if (!printed || !dataset) continue;
    const title = revenueTableTitle(found.year, key);
    tables.push({ key, dataset, table: buildOutturnTable(key.replace(/\.csv$/, ''), title, toOutturnRows(printed)) });
  }
  return {
    year: found.year,
    tables,
    missing: REVENUE_TABLE_KEYS.filter((k) => !found.tables.has(k)),
    illustrative: found.illustrative,
  };
}

/** The chosen year's year-end revenue tables (disabled until a year is chosen). */
export function useRevenueYearTables(year: number | null) {
  return useQuery({
    ...yearTablesQuery(year ?? 0, REVENUE_TABLE_KEYS),
    enabled: year !== null,
    select: revenueYearTables,
  });
}
