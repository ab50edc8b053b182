import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Scenario } from '../domain/scenarios/scenario';
import { deleteScenario, listScenarios, saveScenario } from '../storage/scenarios';
import { queryKeys } from './query-keys';

export type { ScenarioList, UnreadableScenario } from '../storage/scenarios';

/** The saved scenarios (IndexedDB), their query, and the mutations that change them. */
const scenariosQuery = () => queryOptions({ queryKey: queryKeys.scenarios, queryFn: () => listScenarios() });

/** A saved scenario changes the Reserves page's projection too (it applies the latest saved for its year). */
async function refresh(client: ReturnType<typeof useQueryClient>): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: scenariosQuery().queryKey }),
    client.invalidateQueries({ queryKey: queryKeys.reservesYears }),
  ]);
}

export function useScenarios() {
  return useQuery(scenariosQuery());
}

export function useSaveScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scenario: Scenario) => saveScenario(scenario),
    onSuccess: () => refresh(client),
  });
}

export function useDeleteScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteScenario(id),
    onSuccess: () => refresh(client),
  });
}
