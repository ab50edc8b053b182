import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PackSettings } from '../domain/board-pack/pack-snapshot';
import { getSetting, putSetting } from '../storage/datasets';

/** The board pack's settings, kept with the other settings (and so carried in a workspace file). */
const PACK_SETTINGS_KEY = 'board-pack';

const DEFAULT_PACK_SETTINGS: PackSettings = {
  title: 'Revenue and capital outturn 2017/18',
  organisation: 'Cambridgeshire Police and Crime Commissioner and Constabulary',
  period: '2017/18 provisional outturn (year end, period 12)',
  roadCasualtyScenarioId: null,
};

/** Stored settings as the pack's settings: a field that is missing or not text falls back to its default. */
function readPackSettings(value: unknown): PackSettings {
  const o = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const text = (key: 'title' | 'organisation' | 'period') =>
    typeof o[key] === 'string' && o[key].trim() !== '' ? o[key] : DEFAULT_PACK_SETTINGS[key];
  return {
    title: text('title'),
    organisation: text('organisation'),
    period: text('period'),
    roadCasualtyScenarioId: typeof o.roadCasualtyScenarioId === 'string' ? o.roadCasualtyScenarioId : null,
  };
}

const packSettingsQuery = queryOptions({
  queryKey: ['settings', PACK_SETTINGS_KEY],
  queryFn: async () => readPackSettings(await getSetting<unknown>(PACK_SETTINGS_KEY)),
});

export function usePackSettings() {
  return useQuery(packSettingsQuery);
}

export function useSavePackSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: PackSettings) => putSetting(PACK_SETTINGS_KEY, { ...settings }),
    onSuccess: () => client.invalidateQueries({ queryKey: packSettingsQuery.queryKey }),
  });
}
