import { useId, useState } from 'react';
import { chosenUnits } from '../../import/amount-units';
import type { ColumnScale } from '../../import/column-mapping';
import { DATASET_KINDS, KIND_COLUMNS, KIND_LABELS, type DatasetKind } from '../../import/dataset-kinds';
import { planProblems, yearProblem, type Preview } from '../../import/preview';
import { profileFile } from '../../import/mapping-profile-file';
import { downloadText } from '../../components/download';
import type { MappingProfile } from '../../api/datasets';
import type { FlowChange } from '../../api/use-import-flow';
import { AuthorityChoice } from './authority-choice';
import { MappingProblems, missingColumns } from './mapping-problems';
import { YearChoiceField } from './year-choice-field';

interface Props {
  preview: Preview;
  profile: MappingProfile | null;
  onChange: (change: FlowChange) => void;
  onImport: (profileName: string | null) => void;
  onCancel: () => void;
}

const PREVIEW_ROWS = 8;
/** A file of thousands of columns shows its first columns; every column can still be mapped above. */
const PREVIEW_COLUMNS = 40;
/** A cell of a hostile file can be a megabyte long: the preview shows its start. */
const PREVIEW_CELL_CHARS = 120;
const shortCell = (text: string): string =>
  text.length > PREVIEW_CELL_CHARS
    ? `${text.slice(0, PREVIEW_CELL_CHARS)}… (${text.length.toLocaleString('en-GB')} characters)`
    : text;

/** The layout as detected, each guess with its reason, and every choice open to change before import. */
export function MappingStep({ preview, profile, onChange, onImport, onCancel }: Props) {
  const ids = {
    kind: useId(),
    header: useId(),
    profile: useId(),
    save: useId(),
    question: useId(),
    sheet: useId(),
    problems: useId(),
  };
  const workbook = preview.encoding.workbook;
  const byName = new Map<string, string[]>();
  for (const h of preview.headers)
    if (h !== '') byName.set(h.toLowerCase(), [...(byName.get(h.toLowerCase()) ?? []), h]);
  const duplicates = [...byName.values()].filter((g) => g.length > 1).map((g) => ({ name: g[0]!, count: g.length }));
  const [save, setSave] = useState(false);
  const [profileName, setProfileName] = useState(preview.fileName.replace(/\.[^.]+$/, ''));
  const { kind, mapping } = preview.suggestion;
  const ret = preview.authorityReturn;
  const problems = planProblems(preview);
  const missing = new Set(missingColumns(preview).map((m) => m.key));
  const selectId = (key: string) => `${ids.kind}-${key}`;
  const yearOpen = yearProblem(preview) !== null;
  const shown = preview.records.slice(0, preview.headerIndex + 1 + PREVIEW_ROWS);
  const fullWidth = shown.reduce((w, r) => Math.max(w, r.length), 1);
  const width = Math.min(fullWidth, PREVIEW_COLUMNS);
  const setColumn = (key: string, value: string) =>
    onChange({ mapping: { ...mapping, [key]: value === '' ? null : Number(value) } });
  // The units the user set stay set; the others go on following the file (a remapped column's own header).
  const setUnit = (key: string, scale: ColumnScale) =>
    onChange({ scales: { ...chosenUnits(preview.scales, preview.scaleReasons), [key]: scale } });

  return (
    <section aria-labelledby="mapping-title" className="panel">
      <h3 id="mapping-title">Check how {preview.fileName} will be read</h3>
      <dl className="facts">
        <dt>{workbook ? 'Workbook' : 'Encoding'}</dt>
        <dd>
          {workbook ? (
            preview.encoding.reason
          ) : (
            <>
              {preview.encoding.encoding}
              {preview.encoding.bom ? ' with byte-order mark' : ''}: {preview.encoding.reason}
            </>
          )}
        </dd>
        <dt>{workbook ? 'Cells' : 'Delimiter'}</dt>
        <dd>{preview.delimiterReason}</dd>
        <dt>Header row</dt>
        <dd>{preview.headerReason}</dd>
      </dl>
      {duplicates.length > 0 && (
        <p role="note" className="note">
          {duplicates.map((d) => `${d.count} columns are named “${d.name}”`).join('; ')}: none is taken for another
          column by its name alone. Choose below which column gives what.
        </p>
      )}
      {profile && (
        <p role="note" className="note">
          Your saved mapping &ldquo;{profile.name}&rdquo; (saved {profile.savedAt.slice(0, 10)}) was applied: these
          headers match it.
        </p>
      )}

      <div className="choices">
        {workbook?.sheets && (
          <>
            <label htmlFor={ids.sheet}>Sheet</label>
            <select id={ids.sheet} value={workbook.sheet ?? ''} onChange={(e) => onChange({ sheet: e.target.value })}>
              {workbook.sheets.map((s) => (
                <option key={s.name} value={s.name}>
                  {s.name}
                  {s.hidden ? ' (hidden)' : ''}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={ids.kind}>This file is</label>
        <select id={ids.kind} value={kind} onChange={(e) => onChange({ kind: e.target.value as DatasetKind })}>
          {DATASET_KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABELS[k]}
              {k === preview.suggestedKind ? ' (suggested from the headers)' : ''}
            </option>
          ))}
        </select>
        <label htmlFor={ids.header}>Column names are on row</label>
        <select
          id={ids.header}
          value={preview.headerIndex}
          onChange={(e) => onChange({ headerIndex: Number(e.target.value) })}
        >
          {preview.records.slice(0, 30).map((r, i) => (
            <option key={i} value={i}>
              {i + 1}:{' '}
              {r
                .slice(0, 50)
                .filter((c) => c.trim() !== '')
                .slice(0, 4)
                .map((c) => c.slice(0, 60))
                .join(' | ')
                .slice(0, 60) || '(blank)'}
            </option>
          ))}
        </select>
      </div>

      {ret && <AuthorityChoice ret={ret} onChoose={(authority) => onChange({ authority })} />}

      <YearChoiceField preview={preview} questionId={ids.question} onChange={onChange} />

      {/* A revenue return's lines are mapped by its conversion (AuthorityChoice says how), not column by column. */}
      {!ret && (
        <div className="table-wrap" role="region" aria-label="Column mapping" tabIndex={0}>
          <table className="data-table">
            <caption>Columns: what Outturn needs, and which of the file&rsquo;s columns gives it</caption>
            <thead>
              <tr>
                <th scope="col">Outturn column</th>
                <th scope="col">Column in the file</th>
                <th scope="col">Unit</th>
              </tr>
            </thead>
            <tbody>
              {KIND_COLUMNS[kind].map((c) => {
                const index = mapping[c.key];
                const needed = missing.has(c.key);
                return (
                  <tr key={c.key}>
                    <th scope="row">
                      <label htmlFor={selectId(c.key)}>
                        {c.label}
                        {c.required ? ' (required)' : ''}
                      </label>
                    </th>
                    <td>
                      <select
                        id={selectId(c.key)}
                        value={index ?? ''}
                        aria-invalid={needed || undefined}
                        aria-describedby={needed ? `${selectId(c.key)}-needed` : undefined}
                        onChange={(e) => setColumn(c.key, e.target.value)}
                      >
                        <option value="">(not in this file)</option>
                        {preview.headers.map((h, i) => (
                          <option key={i} value={i}>
                            {h ? shortCell(h) : `(column ${i + 1}, no name)`}
                          </option>
                        ))}
                      </select>
                      {needed && (
                        <span id={`${selectId(c.key)}-needed`} className="error">
                          {' '}
                          Needed: choose a column
                        </span>
                      )}
                    </td>
                    <td>
                      {c.type === 'amount' && index !== null && index !== undefined && (
                        <>
                          <select
                            aria-label={`Unit of ${c.label}`}
                            aria-describedby={`${selectId(c.key)}-unit`}
                            value={preview.scales[c.key] ?? 'pounds'}
                            onChange={(e) => setUnit(c.key, e.target.value as ColumnScale)}
                          >
                            <option value="pounds">£</option>
                            <option value="thousands">£&rsquo;000</option>
                          </select>{' '}
                          <span id={`${selectId(c.key)}-unit`} className="hint">
                            {preview.scaleReasons[c.key]}
                          </span>
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <div className="table-wrap" role="region" aria-label="The first rows of the file" tabIndex={0}>
        <table className="data-table preview-table">
          <caption>
            The first rows of the file (row numbers as in a spreadsheet)
            {fullWidth > width ? `: the first ${width} of ${fullWidth.toLocaleString('en-GB')} columns` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {Array.from({ length: width }, (_, i) => (
                <th key={i} scope="col">
                  {shortCell(preview.headers[i] ?? '')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((r, i) => (
              <tr
                key={i}
                className={
                  i < preview.headerIndex ? 'row-preamble' : i === preview.headerIndex ? 'row-header' : undefined
                }
              >
                <th scope="row">
                  {i + 1}
                  {i < preview.headerIndex ? ' (above the header)' : i === preview.headerIndex ? ' (header)' : ''}
                </th>
                {Array.from({ length: width }, (_, c) => (
                  <td key={c}>{shortCell(r[c] ?? '')}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {problems.length > 0 && (
        <MappingProblems id={ids.problems} preview={preview} problems={problems} selectId={selectId} />
      )}
      {!ret && (
        <div className="choices">
          <input id={ids.save} type="checkbox" checked={save} onChange={(e) => setSave(e.target.checked)} />
          <label htmlFor={ids.save}>Save this mapping for the next file with the same columns, as</label>
          <input
            id={ids.profile}
            aria-label="Name of the saved mapping"
            value={profileName}
            disabled={!save}
            onChange={(e) => setProfileName(e.target.value)}
          />
        </div>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={problems.length > 0 || yearOpen}
          aria-describedby={
            [problems.length > 0 ? ids.problems : '', yearOpen ? ids.question : ''].filter(Boolean).join(' ') ||
            undefined
          }
          onClick={() => onImport(save && profileName.trim() ? profileName.trim() : null)}
        >
          Import {preview.fileName}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {/* The mapping as a file: for `npm run check-file -- <file> --profile <this file>`, or a colleague. */}
        {!ret && (
          <button
            type="button"
            onClick={() => {
              const name = profileName.trim() || preview.fileName.replace(/\.[^.]+$/, '');
              downloadText(
                `${name.replace(/[^A-Za-z0-9._-]+/g, '-')}.outturn-mapping.json`,
                profileFile({ name, kind, headers: preview.headers, mapping, headerIndex: preview.headerIndex }),
                'application/json',
              );
            }}
          >
            Download this mapping
          </button>
        )}
      </div>
    </section>
  );
}
