import { queryOptions, useQuery } from '@tanstack/react-query';
import { buildCapitalFinancing, type CapitalFinancing } from '../domain/capital/capital-financing';
import { buildCapitalProgramme, type CapitalProgramme } from '../domain/capital/capital-programme';
import { buildCarryForwardRequests, type CarryForwardRequests } from '../domain/capital/carry-forward-requests';
import { toCarryForwardRequestRows, toCategoryRows, toFinancingRows, toSchemeRows } from './capital-mappings';
import { queryKeys } from './query-keys';
import { TABLE_SHAPES, yearTablesQuery, type PaperTableKey, type YearTables } from './year-tables';
import { roleLabel } from './year-datasets';

/*
 * The Capital page's model for a chosen year: the capital programme by category (Table 4's shape), scheme by
 * scheme (Appendix 3's), its financing and the carry-forward requests (Appendix 4's), each read from the
 * year's own datasets by shape (year-tables.ts), never by a file's name and never from another year. A table
 * the year lacks is named in `missing`; what the year has is shown.
 */

const CAPITAL_TABLES = [
  'table-4-capital-programme.csv',
  'appendix-3-capital-schemes.csv',
  'table-4-capital-financing.csv',
  'appendix-4-capital-carry-forwards.csv',
] as const satisfies readonly PaperTableKey[];

export interface CapitalModel {
  year: number;
  /** Table 4's shape (by category), with Appendix 3's schemes when the year has them; null without a programme. */
  programme: CapitalProgramme | null;
  /** Whether the year has a scheme list (Appendix 3's shape). */
  hasSchemes: boolean;
  /**
   * The scheme list of a year that has one but no programme by category (a finance system's capital report is
   * scheme by scheme): its schemes, sections and totals, with no categories. Null otherwise. Apart from
   * `programme`, which the roll-forward checks read as a whole programme.
   */
  schemesAlone: CapitalProgramme | null;
  financing: CapitalFinancing | null;
  requests: CarryForwardRequests | null;
  /** The kinds of file the year lacks, in words ("capital financing"). */
  missing: string[];
  illustrative: boolean;
  /** The files read, by the paper's key (for the sources line). */
  sources: string[];
}

/** The capital models of a year's tables (also what the roll-forward checks read). */
export function toCapitalModel(t: YearTables): CapitalModel {
  const programme = t.tables.get('table-4-capital-programme.csv');
  const schemes = t.tables.get('appendix-3-capital-schemes.csv');
  const financing = t.tables.get('table-4-capital-financing.csv');
  const requests = t.tables.get('appendix-4-capital-carry-forwards.csv');
  return {
    year: t.year,
    programme: programme
      ? buildCapitalProgramme(toCategoryRows(programme), schemes ? toSchemeRows(schemes) : [])
      : null,
    hasSchemes: schemes !== undefined,
    schemesAlone: !programme && schemes ? buildCapitalProgramme([], toSchemeRows(schemes)) : null,
    financing: financing ? buildCapitalFinancing(toFinancingRows(financing)) : null,
    requests: requests ? buildCarryForwardRequests(toCarryForwardRequestRows(requests)) : null,
    missing: t.missing.map((key) => roleLabel(TABLE_SHAPES[key].role)),
    illustrative: t.illustrative,
    sources: [...t.datasets.values()].map((d) => d.name),
  };
}

const capitalQuery = (year: number) =>
  queryOptions({
    queryKey: queryKeys.capital(year),
    queryFn: async ({ client }) => toCapitalModel(await client.query(yearTablesQuery(year, CAPITAL_TABLES))),
    staleTime: Infinity,
  });

/** The capital programme, its financing and the carry-forward requests of the chosen year. */
export function useCapital(year: number | null) {
  return useQuery({ ...capitalQuery(year ?? 0), enabled: year !== null });
}
