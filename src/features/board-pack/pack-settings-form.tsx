import { useState } from 'react';
import type { PackPreferences } from '../../api/board-pack-inputs';
import type { Scenario } from '../../domain/scenarios/scenario';

/**
 * The pack's subtitle and which Road Casualty inputs it projects. The title, year and period come from the
 * figures chosen (the year and month at the top of the page), and the organisation from its setting: they cannot
 * be typed here, so a pack cannot say one year over another year's figures.
 */
export function PackSettingsForm({
  settings,
  scenarios,
  onSave,
  busy,
  message,
}: {
  settings: PackPreferences;
  scenarios: readonly Scenario[];
  onSave: (settings: PackPreferences) => void;
  busy: boolean;
  message: string;
}) {
  const [form, setForm] = useState(settings);
  const set = (change: Partial<PackPreferences>) => setForm((f) => ({ ...f, ...change }));
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
          Subtitle (optional: the meeting, the draft)
          <input
            type="text"
            value={form.subtitle}
            onChange={(e) => set({ subtitle: e.target.value })}
            placeholder="e.g. Business Coordination Board, 19 July 2018"
          />
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
