import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getSetting, putSetting } from '../storage/datasets';
import { queryKeys } from './query-keys';

/*
 * The organisation whose figures these are: named in the header of every page (and for a board pack's title
 * page to use). A setting kept in this browser with the data, so a workspace file carries it. The sample is
 * Cambridgeshire's; a finance team running its own years sets its own name once.
 */

const SETTING = 'organisation';

const DEFAULT_ORGANISATION = 'Cambridgeshire Police and Crime Commissioner and Constabulary';

/** The longest name kept: a header line, not a paragraph. */
export const ORGANISATION_MAX_CHARS = 200;

/** A stored value as the name: text, trimmed, spaces collapsed; anything else (or nothing) is the default. */
function readOrganisation(value: unknown): string {
  if (typeof value !== 'string') return DEFAULT_ORGANISATION;
  const name = value.replace(/\s+/g, ' ').trim().slice(0, ORGANISATION_MAX_CHARS);
  return name === '' ? DEFAULT_ORGANISATION : name;
}

const organisationQuery = queryOptions({
  queryKey: queryKeys.settings(SETTING),
  queryFn: async () => readOrganisation(await getSetting<unknown>(SETTING)),
  staleTime: Infinity,
});

/** The organisation's name ("Cambridgeshire Police and Crime Commissioner and Constabulary" until set). */
export function useOrganisation() {
  return useQuery(organisationQuery);
}

/** Sets the organisation's name; blank returns to the default. */
export function useSaveOrganisation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      const kept = readOrganisation(name);
      await putSetting(SETTING, kept);
      return kept;
    },
    onSuccess: (kept) => client.setQueryData(organisationQuery.queryKey, kept),
  });
}
