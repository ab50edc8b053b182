import { useQuery } from '@tanstack/react-query';
import { buildOutturnTable, type OutturnInputRow, type OutturnTable } from '../domain/revenue/outturn-table';
import { rowKeys } from '../domain/checks/table-checks';
import { findColumn, type PrintedTable } from '../import/printed-table';
import { printedTableQuery, type SampleFile } from './sample-tables';

/** Reads a printed budget/outturn table's columns by their printed headers. */
export function toOutturnRows(table: PrintedTable): OutturnInputRow[] {
  const budget = findColumn(table, /budget/i);
  const outturn = findColumn(table, /outturn/i);
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

export function useOutturnTable(file: SampleFile, title: string) {
  return useQuery({
    ...printedTableQuery(file),
    select: (table): OutturnTable => buildOutturnTable(file.replace(/\.csv$/, ''), title, toOutturnRows(table)),
  });
}
