import { useQueries } from '@tanstack/react-query';
import {
  buildReservesPosition,
  generalReserveShare,
  type GeneralReserveShare,
  type ReservesPosition,
} from '../domain/reserves/reserves-position';
import type { PrintedTable } from '../import/printed-table';
import { netRevenueBudgetOf, toReserveRows } from './reserves-mappings';
import { SAMPLE_FILES, printedTableQuery } from './sample-tables';

export interface ReservesData {
  position: ReservesPosition;
  generalReserve: GeneralReserveShare;
}

export interface ReservesState {
  data: ReservesData | null;
  pending: boolean;
  errors: string[];
}

const FILES = [SAMPLE_FILES.reserves, SAMPLE_FILES.table1] as const;

const combine = (results: { data?: PrintedTable; isPending: boolean; error: Error | null }[]): ReservesState => {
  const [reserves, table1] = results.map((r) => r.data);
  const position = reserves ? buildReservesPosition(toReserveRows(reserves)) : null;
  return {
    // Without Table 1 the share has no budget to divide by, and says so (null), rather than hiding the reserves.
    data: position
      ? { position, generalReserve: generalReserveShare(position, table1 ? netRevenueBudgetOf(table1) : null) }
      : null,
    pending: results.some((r) => r.isPending),
    errors: results.flatMap((r) => (r.error ? [r.error.message] : [])),
  };
};

/** The reserves position (Table 5) and the general reserve's share of the net revenue budget (Table 1). */
export function useReserves(): ReservesState {
  return useQueries({ queries: FILES.map((file) => printedTableQuery(file)), combine });
}
