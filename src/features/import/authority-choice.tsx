import { useId, useState } from 'react';
import { useOrganisation } from '../../api/organisation';
import { authorityOfOrganisation, lineHeaders, type AuthorityEntry } from '../../import/authority-returns';
import { KIND_LABELS } from '../../import/dataset-kinds';
import type { AuthorityPreview } from '../../import/preview';

/** Options shown at once: a return has about 400 rows; a search narrows them. */
const SHOWN = 1000;

const optionText = (a: AuthorityEntry): string =>
  `${a.name || a.code}${a.code && a.name ? ` (${a.code})` : ''}: row ${a.row}${a.year === null ? '' : `, year ending March ${a.year + 1}`}`;

const matches = (a: AuthorityEntry, query: string): boolean => {
  const q = query.trim().toLowerCase();
  return q === '' || a.name.toLowerCase().includes(q) || a.code.toLowerCase().includes(q);
};

/**
 * An MHCLG revenue return's authority: a search, a list of its rows, and a button that reads the chosen row as
 * lines. The organisation setting may preselect a row, said so; nothing is chosen until the button is pressed.
 */
export function AuthorityChoice({ ret, onChoose }: { ret: AuthorityPreview; onChoose: (authority: string) => void }) {
  const ids = { search: useId(), list: useId(), how: useId() };
  const organisation = useOrganisation().data;
  const suggested =
    ret.chosen.length === 0 && organisation ? authorityOfOrganisation(ret.authorities, organisation) : null;
  const [query, setQuery] = useState('');
  const [picked, setRow] = useState<number | null>(null);
  // The organisation's name is read after the first drawing: its row is preselected once known, unless one was picked.
  const row = picked ?? ret.chosen[0]?.row ?? suggested?.row ?? null;
  const found = ret.authorities.filter((a) => matches(a, query));
  const shown = found.slice(0, SHOWN);
  const selected = ret.authorities.find((a) => a.row === row) ?? null;
  const chosen = ret.chosen[0];
  const [, service, amount] = lineHeaders(ret.kind);
  return (
    <fieldset className="authority-choice">
      <legend>Your authority&rsquo;s row</legend>
      <p>
        {ret.what} Its service columns are read as lines of {KIND_LABELS[ret.kind]}: the chosen row&rsquo;s cells only,
        a service a line (the column&rsquo;s heading as the {service}, its figure as the {amount}, converted exactly
        from £ thousand), and every other row is counted as skipped.
      </p>
      {chosen ? (
        <p role="status" className="note">
          Reading row {chosen.row}: {chosen.name || chosen.code}
          {chosen.code && chosen.name ? ` (${chosen.code})` : ''}, its {ret.services.length} service columns as{' '}
          {ret.services.length} lines. The other {ret.authorities.length - ret.chosen.length} rows listed are skipped.
        </p>
      ) : (
        suggested &&
        suggested.row === row && (
          <p role="status" className="note">
            Preselected: {suggested.name} matches your organisation setting (&ldquo;{organisation}&rdquo;). Check it,
            then choose &ldquo;Use this row&rdquo;.
          </p>
        )
      )}
      <div className="choices">
        <label htmlFor={ids.search}>Find your authority (name or code)</label>
        <input
          id={ids.search}
          type="search"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            const first = ret.authorities.find((a) => matches(a, e.target.value));
            if (first && !(selected && matches(selected, e.target.value))) setRow(first.row);
          }}
        />
        <label htmlFor={ids.list}>
          Authority: {found.length.toLocaleString('en-GB')} of {ret.authorities.length.toLocaleString('en-GB')} rows
          {found.length > shown.length ? ` (the first ${shown.length} shown: search to narrow)` : ''}
        </label>
        <select
          id={ids.list}
          size={Math.min(8, Math.max(2, shown.length))}
          value={row === null ? '' : String(row)}
          onChange={(e) => setRow(Number(e.target.value))}
        >
          {shown.map((a) => (
            <option key={a.row} value={a.row}>
              {optionText(a)}
            </option>
          ))}
        </select>
      </div>
      <p className="actions">
        <button
          type="button"
          disabled={selected === null || selected.row === chosen?.row}
          onClick={() => selected && onChoose(selected.name || selected.code)}
        >
          Use this row
          {selected ? `: ${selected.name || selected.code}` : ''}
        </button>
      </p>
    </fieldset>
  );
}
