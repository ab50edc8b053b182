import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { deleteDataset, listDatasets, listReceipts } from '../storage/datasets';
import { ensureStarted, importSample } from './sample-bootstrap';

export const datasetsQuery = queryOptions({
  queryKey: ['datasets', 'list'],
  queryFn: async () => {
    await ensureStarted();
    return listDatasets();
  },
});

export const receiptsQuery = queryOptions({
  queryKey: ['datasets', 'receipts'],
  queryFn: async () => {
    await ensureStarted();
    return listReceipts();
  },
});

export function useDatasets() {
  return useQuery(datasetsQuery);
}

export function useReceipts() {
  return useQuery(receiptsQuery);
}

/** Every view of stored data is under the 'datasets' key: one invalidation refreshes them all. */
export function useInvalidateDatasets(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: ['datasets'] });
}

export function useDeleteDataset() {
  const invalidate = useInvalidateDatasets();
  return useMutation({ mutationFn: (id: string) => deleteDataset(id), onSuccess: invalidate });
}

export function useReloadSample() {
  const invalidate = useInvalidateDatasets();
  return useMutation({ mutationFn: () => importSample(), onSuccess: invalidate });
}

export type { DatasetMeta } from '../storage/datasets';
export type { MappingProfile } from '../storage/profiles';
