import { queryOptions, useQuery } from '@tanstack/react-query';
import { readPrintedTable, type PrintedTable } from '../import/printed-table';

/** The 2017/18 sample: the tables of the BCB 19 July 2018 outturn paper, as files in data/. */
export const SAMPLE_FILES = {
  table1: 'table-1-revenue-outturn.csv',
  constabulary: 'constabulary-summary.csv',
  table3: 'table-3-opcc-corporate-costs.csv',
  capitalProgramme: 'table-4-capital-programme.csv',
  capitalFinancing: 'table-4-capital-financing.csv',
  reserves: 'table-5-reserves.csv',
  revenueCarryForwards: 'appendix-2-revenue-carry-forwards.csv',
  capitalSchemes: 'appendix-3-capital-schemes.csv',
  capitalCarryForwards: 'appendix-4-capital-carry-forwards.csv',
} as const;

export type SampleFile = (typeof SAMPLE_FILES)[keyof typeof SAMPLE_FILES];

async function fetchPrintedTable(file: SampleFile): Promise<PrintedTable> {
  const url = new URL(`${import.meta.env.BASE_URL}data/${file}`, window.location.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The sample file ${file} could not be loaded (HTTP ${response.status}).`);
  return readPrintedTable(file, await response.text());
}

export const printedTableQuery = (file: SampleFile) =>
  queryOptions({ queryKey: ['sample-table', file], queryFn: () => fetchPrintedTable(file), staleTime: Infinity });

export function usePrintedTable(file: SampleFile) {
  return useQuery(printedTableQuery(file));
}
