import { scenarioFromJson, scenarioToJson, type Scenario } from '../domain/scenarios/scenario';
import { DB_NAME, openOutturnDb } from './db';

/*
 * Saved reserve-modelling scenarios, one record each in the `scenarios` store (keyPath id), in the
 * JSON-safe form of domain/scenarios/scenario.ts (amounts as decimal strings). A record that no longer reads as
 * a scenario is reported, not dropped silently and not thrown over: the user can see it and delete it.
 */

export interface UnreadableScenario {
  id: string;
  name: string;
  issues: string[];
}

export interface ScenarioList {
  /** Readable scenarios, most recently saved first. */
  scenarios: Scenario[];
  unreadable: UnreadableScenario[];
}

/** Every saved scenario. */
export async function listScenarios(dbName: string = DB_NAME): Promise<ScenarioList> {
  const db = await openOutturnDb(dbName);
  const records = await db.getAll('scenarios');
  const list: ScenarioList = { scenarios: [], unreadable: [] };
  for (const record of records) {
    const read = scenarioFromJson(record);
    if (read.ok) list.scenarios.push(read.value);
    else
      list.unreadable.push({
        id: record.id,
        name: typeof record.name === 'string' ? record.name : '',
        issues: read.issues.map((i) => i.message),
      });
  }
  list.scenarios.sort((a, b) => b.savedAt.localeCompare(a.savedAt) || a.name.localeCompare(b.name));
  return list;
}

/** Saves (creates or replaces) a scenario under its id. */
export async function saveScenario(scenario: Scenario, dbName: string = DB_NAME): Promise<void> {
  const db = await openOutturnDb(dbName);
  await db.put('scenarios', scenarioToJson(scenario));
}

/** Deletes a saved scenario; deleting one that is not there is not an error. */
export async function deleteScenario(id: string, dbName: string = DB_NAME): Promise<void> {
  const db = await openOutturnDb(dbName);
  await db.delete('scenarios', id);
}
