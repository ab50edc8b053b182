import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { displacedBy } from '../storage/dataset-slots';
import {
  chooseDataset,
  deleteDataset,
  deleteReceipt,
  dismissNotice,
  listDatasets,
  listNotices,
  listReceipts,
  listSetAside,
  setDatasetYear,
  type SetAside,
} from '../storage/datasets';
import { announceDatasetsChanged } from './cross-tab';
import { datasetStatuses, illustrativeByYear } from './dataset-status';
import { queryKeys } from './query-keys';
import { ensureStarted, importSample } from './sample-bootstrap';

const datasetsQuery = queryOptions({
  queryKey: queryKeys.datasetList,
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

/** Each stored dataset's role, periods and whether it counts (or which dataset counts in its place), by id. */
export function useDatasetStatuses() {
  return useQuery({ ...datasetsQuery, select: datasetStatuses });
}

/** For each year with data, whether its figures are illustrative: 'all', 'some' or 'none'. */
export function useIllustrativeYears() {
  return useQuery({ ...datasetsQuery, select: illustrativeByYear });
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

/**
 * Makes a dataset the one that counts for its kind, year and month (a ledger: for its periods) from now; the one
 * that counted stays listed, kept but not counting, and can be chosen back the same way.
 */
export function useChooseDataset() {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: (id: string) => chooseDataset(id),
    onSuccess: async () => {
      announceDatasetsChanged();
      await invalidate();
    },
  });
}

export interface YearChange {
  id: string;
  year: number;
  month: number | null;
}

/**
 * Sets a dataset's year and month after its import. When another dataset already counts for the new year and
 * month (a ledger: for any of its periods), this one is kept but does not count, and the reply names the other:
 * nothing is replaced silently.
 */
export function useSetDatasetYear() {
  const invalidate = useInvalidateDatasets();
  return useMutation({
    mutationFn: async ({ id, year, month }: YearChange) => {
      const all = await listDatasets();
      const meta = all.find((d) => d.id === id);
      if (!meta) throw new Error('That dataset is no longer stored.');
      // The same year and month again changes nothing (and never hands the slot to another).
      if (meta.year === year && meta.month === month) return { id, year, month, displaced: [] };
      const displaced = displacedBy({ ...meta, year, month }, all).map(({ dataset, periods }) => ({
        id: dataset.id,
        name: dataset.name,
        periods,
      }));
      await setDatasetYear(id, { year, month, counts: displaced.length === 0 });
      return { id, year, month, displaced };
    },
    onSuccess: async () => {
      announceDatasetsChanged();
      await invalidate();
    },
  });
}

export type { DatasetMeta, SetAside } from '../storage/datasets';
export type { MappingProfile } from '../storage/profiles';
