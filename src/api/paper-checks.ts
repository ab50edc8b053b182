import { useQueries } from '@tanstack/react-query';
import { checkPrintedTable, type TableChecks } from '../domain/checks/table-checks';
import { PAPER_2017_18 } from '../domain/papers/paper-2017-18';
import { printedTableQuery, type SampleFile } from './sample-tables';

export interface PaperChecks {
  tables: TableChecks[];
  pending: boolean;
  errors: string[];
}

/** Every casting check of every sample table, as the tables load. */
export function usePaperChecks(): PaperChecks {
  const entries = Object.entries(PAPER_2017_18) as [SampleFile, (typeof PAPER_2017_18)[keyof typeof PAPER_2017_18]][];
  return useQueries({
    queries: entries.map(([file]) => printedTableQuery(file)),
    combine: (results) => ({
      tables: results.flatMap((r, i) => (r.data ? [checkPrintedTable(entries[i]![1], r.data)] : [])),
      pending: results.some((r) => r.isPending),
      errors: results.flatMap((r) => (r.error ? [r.error.message] : [])),
    }),
  });
}
