import { queryOptions, useQuery } from '@tanstack/react-query';
import { loadFrozenTables } from './board-pack-inputs';

/** The rows of every table the pack is drawn from, as stored now (under 'datasets': an import refreshes it). */
const packTablesQuery = queryOptions({ queryKey: ['datasets', 'board-pack-tables'], queryFn: loadFrozenTables });

export function usePackTables() {
  return useQuery(packTablesQuery);
}
