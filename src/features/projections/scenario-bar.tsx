import { useRef } from 'react';
import { formatFinancialYear } from '../../domain/core/period';
import { startsFromOf, type Scenario } from '../../domain/scenarios/scenario';
import type { UnreadableScenario } from '../../api/scenarios';
import { usePresentation } from '../../components/presentation';
import { formatSavedAt as savedAt } from '../../components/saved-at';
import { TableDownload } from '../../components/table-download';

/**
 * Saving, copying, opening and deleting scenarios. The current scenario's name is edited here; Save
 * writes it under its id (a new one the first time), Save as a copy writes a new scenario.
 */
export function ScenarioBar({
  name,
  onNameChange,
  currentId,
  dirty,
  canSave,
  busy,
  message,
  scenarios,
  unreadable,
  onSave,
  onSaveCopy,
  onStartAgain,
  startAgainFrom,
  onExport,
  onOpen,
  onCopy,
  onDelete,
}: {
  name: string;
  onNameChange: (name: string) => void;
  currentId: string | null;
  dirty: boolean;
  canSave: boolean;
  busy: boolean;
  message: string;
  scenarios: readonly Scenario[];
  unreadable: readonly UnreadableScenario[];
  onSave: () => void;
  onSaveCopy: () => void;
  onStartAgain: () => void;
  /** What starting again goes back to: "the paper's case" (2017/18) or "2018/19's closing balances". */
  startAgainFrom: string;
  onExport: () => void;
  onOpen: (s: Scenario) => void;
  onCopy: (s: Scenario) => void;
  onDelete: (id: string) => void;
}) {
  const { on: presenting } = usePresentation();
  const savedTable = useRef<HTMLTableElement>(null);
  const state = currentId === null ? 'Not saved yet' : dirty ? 'Changed since it was saved' : 'Saved';
  return (
    <section aria-labelledby="scenario-heading" className="scenario-bar">
      <h3 id="scenario-heading">Scenario</h3>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          onSave();
        }}
      >
        <div className="field wide">
          <label htmlFor="scenario-name">Scenario name</label>
          <input
            id="scenario-name"
            type="text"
            value={name}
            onChange={(e) => onNameChange(e.target.value)}
            aria-describedby="scenario-state"
            autoComplete="off"
          />
          <span className="hint" id="scenario-state">
            {state}
          </span>
        </div>
        <div className="button-row">
          <button type="submit" disabled={!canSave || busy || name.trim() === ''}>
            Save scenario
          </button>
          <button type="button" onClick={onSaveCopy} disabled={!canSave || busy || name.trim() === ''}>
            Save as a copy
          </button>
          <button type="button" onClick={onExport} disabled={!canSave || presenting}>
            Export scenario and projection (CSV)
          </button>
          <button type="button" onClick={onStartAgain}>
            Start again from {startAgainFrom}
          </button>
        </div>
      </form>
      {!canSave ? (
        <p className="hint">Some inputs cannot be read (see below): correct them to save or export.</p>
      ) : null}
      <p className="save-message" aria-live="polite">
        {message}
      </p>
      {scenarios.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="saved-caption" tabIndex={0}>
          <table className="data-table saved-scenarios" ref={savedTable}>
            <caption id="saved-caption">Saved scenarios</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Starts from</th>
                <th scope="col">Saved</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {scenarios.map((s) => (
                <tr key={s.id} aria-current={s.id === currentId ? 'true' : undefined}>
                  <th scope="row">
                    {s.name}
                    {s.id === currentId ? <span className="hint"> (open)</span> : null}
                  </th>
                  <td>{formatFinancialYear({ startYear: startsFromOf(s) })} closing balances</td>
                  <td>{savedAt(s.savedAt)}</td>
                  <td className="button-row">
                    <button type="button" onClick={() => onOpen(s)} aria-label={`Open ${s.name}`}>
                      Open
                    </button>
                    <button type="button" onClick={() => onCopy(s)} aria-label={`Copy ${s.name}`}>
                      Copy
                    </button>
                    <button type="button" onClick={() => onDelete(s.id)} aria-label={`Delete ${s.name}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <TableDownload tableRef={savedTable} captionId="saved-caption" />
        </div>
      ) : (
        <p className="hint">
          No saved scenarios yet. Saved scenarios stay in this browser (IndexedDB) and never leave it.
        </p>
      )}
      {unreadable.length > 0 ? (
        <div className="issue-summary">
          <p>
            <strong>Saved scenarios that can no longer be read</strong>
          </p>
          <ul>
            {unreadable.map((u) => (
              <li key={u.id}>
                {u.name || u.id}: {u.issues.slice(0, 3).join('; ')}
                {u.issues.length > 3 ? ` and ${u.issues.length - 3} more` : ''}.{' '}
                <button type="button" onClick={() => onDelete(u.id)}>
                  Delete {u.name || 'it'}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
