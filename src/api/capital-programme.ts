import { useQueries } from '@tanstack/react-query';
import { buildCapitalFinancing, type CapitalFinancing } from '../domain/capital/capital-financing';
import { buildCapitalProgramme, type CapitalProgramme } from '../domain/capital/capital-programme';
import { buildCarryForwardRequests, type CarryForwardRequests } from '../domain/capital/carry-forward-requests';
import type { PrintedTable } from '../import/printed-table';
import { toCarryForwardRequestRows, toCategoryRows, toFinancingRows, toSchemeRows } from './capital-mappings';
import { SAMPLE_FILES, printedTableQuery } from './sample-tables';

export interface CapitalData {
  programme: CapitalProgramme;
  financing: CapitalFinancing;
  requests: CarryForwardRequests;
}

export interface CapitalState {
  /** Null until all four tables have loaded. */
  data: CapitalData | null;
  pending: boolean;
  errors: string[];
}

const FILES = [
  SAMPLE_FILES.capitalProgramme,
  SAMPLE_FILES.capitalSchemes,
  SAMPLE_FILES.capitalFinancing,
  SAMPLE_FILES.capitalCarryForwards,
] as const;

const combine = (results: { data?: PrintedTable; isPending: boolean; error: Error | null }[]): CapitalState => {
  const [programme, schemes, financing, requests] = results.map((r) => r.data);
  return {
    data:
      programme && schemes && financing && requests
        ? {
            programme: buildCapitalProgramme(toCategoryRows(programme), toSchemeRows(schemes)),
            financing: buildCapitalFinancing(toFinancingRows(financing)),
            requests: buildCarryForwardRequests(toCarryForwardRequestRows(requests)),
          }
        : null,
    pending: results.some((r) => r.isPending),
    errors: results.flatMap((r) => (r.error ? [r.error.message] : [])),
  };
};

/** The capital programme, its financing and the carry-forward requests, from the sample tables. */
export function useCapital(): CapitalState {
  return useQueries({ queries: FILES.map((file) => printedTableQuery(file)), combine });
}
