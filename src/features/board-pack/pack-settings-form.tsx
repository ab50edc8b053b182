import { useState } from 'react';
import type { PackSettings } from '../../domain/board-pack/pack-snapshot';
import type { Scenario } from '../../domain/scenarios/scenario';

/** The pack's title, organisation and period, and which Road Casualty inputs it projects. */
export function PackSettingsForm({
  settings,
  scenarios,
  onSave,
  busy,
  message,
}: {
  settings: PackSettings;
  scenarios: readonly Scenario[];
  onSave: (settings: PackSettings) => void;
  busy: boolean;
  message: string;
}) {
  const [form, setForm] = useState(settings);
  const set = (change: Partial<PackSettings>) => setForm((f) => ({ ...f, ...change }));
  const missing = form.roadCasualtyScenarioId !== null && !scenarios.some((s) => s.id === form.roadCasualtyScenarioId);
  return (
    <form
      className="pack-settings"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(form);
      }}
    >
      <div className="pack-settings-fields">
        <label>
          Title
          <input type="text" value={form.title} onChange={(e) => set({ title: e.target.value })} required />
        </label>
        <label>
          Organisation
          <input
            type="text"
            value={form.organisation}
            onChange={(e) => set({ organisation: e.target.value })}
            required
          />
        </label>
        <label>
          Period
          <input type="text" value={form.period} onChange={(e) => set({ period: e.target.value })} required />
        </label>
        <label>
          Road Casualty Reserve projection
          <select
            value={form.roadCasualtyScenarioId ?? ''}
            onChange={(e) => set({ roadCasualtyScenarioId: e.target.value === '' ? null : e.target.value })}
          >
            <option value="">The paper’s case (BCB 4 April 2019)</option>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                Saved scenario: {s.name}
              </option>
            ))}
            {missing && (
              <option value={form.roadCasualtyScenarioId ?? ''}>
                A scenario no longer saved (the paper’s case is used)
              </option>
            )}
          </select>
        </label>
      </div>
      <div className="actions">
        <button type="submit" disabled={busy}>
          Save the pack settings
        </button>
        <span role="status">{message}</span>
      </div>
    </form>
  );
}
