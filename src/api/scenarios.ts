import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Scenario } from '../domain/scenarios/scenario';
import { deleteScenario, listScenarios, saveScenario } from '../storage/scenarios';

export type { ScenarioList, UnreadableScenario } from '../storage/scenarios';

/** The saved scenarios (IndexedDB), their query, and the mutations that change them. */
const scenariosQuery = () => queryOptions({ queryKey: ['scenarios'], queryFn: () => listScenarios() });

export function useScenarios() {
  return useQuery(scenariosQuery());
}

export function useSaveScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (scenario: Scenario) => saveScenario(scenario),
    onSuccess: () => client.invalidateQueries({ queryKey: scenariosQuery().queryKey }),
  });
}

export function useDeleteScenario() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => deleteScenario(id),
    onSuccess: () => client.invalidateQueries({ queryKey: scenariosQuery().queryKey }),
  });
}
