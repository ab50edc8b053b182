import { KIND_COLUMNS } from '../../import/dataset-kinds';
import type { Preview } from '../../import/preview';

/** The canonical columns the mapping still lacks: each required one unmapped, and a ledger's value of each line. */
export function missingColumns(preview: Preview): { key: string; label: string }[] {
  const { kind, mapping } = preview.suggestion;
  const unmapped = (key: string) => mapping[key] === null || mapping[key] === undefined;
  const missing = KIND_COLUMNS[kind].filter((c) => c.required && unmapped(c.key));
  const amount = KIND_COLUMNS[kind].find((c) => c.key === 'amount');
  if (kind === 'ledger' && amount && ['amount', 'debit', 'credit'].every(unmapped)) missing.push(amount);
  return missing.map((c) => ({ key: c.key, label: c.label }));
}

interface Props {
  id: string;
  preview: Preview;
  problems: readonly string[];
  /** The id of the select that maps a canonical column. */
  selectId: (key: string) => string;
}

/**
 * Why the file cannot be imported yet, beside the Import button it disables: the problems, the file's columns as
 * found (each with what it is mapped to, or "not used"), what to do, and a button per missing column that takes
 * the focus to its choice, so that the keyboard goes from the refusal to its remedy.
 */
export function MappingProblems({ id, preview, problems, selectId }: Props) {
  const missing = preview.problem ? [] : missingColumns(preview);
  const { kind, mapping } = preview.suggestion;
  const usedAs = new Map<number, string>();
  for (const c of KIND_COLUMNS[kind]) {
    const index = mapping[c.key];
    if (index !== null && index !== undefined) usedAs.set(index, c.label);
  }
  const found = preview.headers.map((h, i) => {
    const name = h === '' ? `(column ${i + 1}, no name)` : `“${h}”`;
    const as = usedAs.get(i);
    return `${name} ${as === undefined ? 'not used' : `as ${as}`}`;
  });
  return (
    <div id={id} role="alert" className="problems">
      <p className="error">{preview.fileName} cannot be imported yet:</p>
      <ul className="error">
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      {missing.length > 0 && (
        <>
          <p>
            The file has {preview.headers.length} {preview.headers.length === 1 ? 'column' : 'columns'}:{' '}
            {found.join(', ')}. In the table of columns above, choose the one that gives{' '}
            {missing.map((m) => `“${m.label}”`).join(' and ')}. If none does, the file does not carry it: export it
            again with that column, or choose another kind of file.
          </p>
          <p className="actions">
            {missing.map((m) => (
              <button key={m.key} type="button" onClick={() => document.getElementById(selectId(m.key))?.focus()}>
                Choose the {m.label} column
              </button>
            ))}
          </p>
        </>
      )}
    </div>
  );
}
