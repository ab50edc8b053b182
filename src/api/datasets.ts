import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  deleteDataset,
  deleteReceipt,
  dismissNotice,
  listDatasets,
  listNotices,
  listReceipts,
  listSetAside,
  type SetAside,
} from '../storage/datasets';
import { announceDatasetsChanged } from './cross-tab';
import { ensureStarted, importSample } from './sample-bootstrap';

const datasetsQuery = queryOptions({
  queryKey: ['datasets', 'list'],
  queryFn: async () => {
    await ensureStarted();
    return listDatasets();
  },
});

const receiptsQuery = queryOptions({
  queryKey: ['datasets', 'receipts'],
  queryFn: async () => {
    await ensureStarted();
    return listReceipts();
  },
});

/**
 * Stored records that cannot be read (damaged, or from another version of Outturn), with the reason:
 * datasets and receipts ('all', the Import page), or datasets only ('datasets', the notice on every page).
 */
const setAsideQuery = (scope: 'all' | 'datasets') =>
  queryOptions({
    queryKey: ['datasets', 'set-aside', scope],
    queryFn: async () => {
      await ensureStarted();
      return listSetAside({ receipts: scope === 'all' });
    },
  });

/** What the user should hear about from an earlier visit: imports a closed or reloaded page left unfinished. */
const noticesQuery = queryOptions({
  queryKey: ['datasets', 'notices'],
  queryFn: async () => {
    await ensureStarted();
    return listNotices();
  },
});

export function useSetAside(scope: 'all' | 'datasets' = 'all') {
  return useQuery(setAsideQuery(scope));
}

export function useNotices() {
  return useQuery(noticesQuery);
}

export function useDismissNotice() {
  const invalidate = useInvalidateDatasets();
  return useMutation({ mutationFn: (id: string) => dismissNotice(id), onSuccess: invalidate });
}

export function useDeleteSetAside() {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: (record: SetAside) =>
      record.store === 'datasets' ? deleteDataset(record.id) : deleteReceipt(record.id),
    onSuccess: async () => {
      announceDatasetsChanged();
      await invalidate();
    },
  });
}

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
  return useMutation({
    mutationFn: (id: string) => deleteDataset(id),
    onSuccess: async () => {
      announceDatasetsChanged();
      await invalidate();
    },
  });
}

export function useReloadSample() {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: () => importSample(),
    onSuccess: async () => {
      announceDatasetsChanged();
      await invalidate();
    },
  });
}

export type { DatasetMeta, SetAside } from '../storage/datasets';
export type { MappingProfile } from '../storage/profiles';
