import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getSetting, putSetting } from '../storage/datasets';
import type { PackPreferences } from './board-pack-inputs';
import { queryKeys } from './query-keys';

/*
 * What the user sets for the board pack (a subtitle, the Road Casualty inputs), kept with the other settings
 * (and so carried in a workspace file). The title, year and period come from the data; the organisation is the
 * organisation's setting. A stored record from before (with a typed title and period) keeps its scenario; its
 * title and period are not read, so they can no longer be printed over another year's figures.
 */
const PACK_SETTINGS_KEY = 'board-pack';

function readPreferences(value: unknown): PackPreferences {
  const o = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  return {
    subtitle: typeof o.subtitle === 'string' ? o.subtitle : '',
    roadCasualtyScenarioId: typeof o.roadCasualtyScenarioId === 'string' ? o.roadCasualtyScenarioId : null,
  };
}

const packSettingsQuery = queryOptions({
  queryKey: queryKeys.settings(PACK_SETTINGS_KEY),
  queryFn: async () => readPreferences(await getSetting<unknown>(PACK_SETTINGS_KEY)),
});

export function usePackSettings() {
  return useQuery(packSettingsQuery);
}

export function useSavePackSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: PackPreferences) => putSetting(PACK_SETTINGS_KEY, { ...settings }),
    onSuccess: () => client.invalidateQueries({ queryKey: packSettingsQuery.queryKey }),
  });
}
