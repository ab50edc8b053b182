import { Link, useLocation } from 'react-router';

/*
 * What a page says when the chosen year lacks the files it reads: which kinds are missing, in words, and a way
 * to import them. Never another year's figures in their place.
 */
export function MissingData({
  yearLabel,
  missing,
  what,
  partial = false,
}: {
  /** "2018/19" */
  yearLabel: string;
  /** The kinds of file missing, in words ("a reserves position"). */
  missing: readonly string[];
  /** What the page (or section) would show: "the reserves position". */
  what: string;
  /** Part of the page has figures already (shown beside this): not "nothing to show". */
  partial?: boolean;
}) {
  // The link keeps the year and month chosen (?year=&month=), as every link between pages does.
  const { search } = useLocation();
  return (
    <div className="missing-data" role="status">
      <p>
        <strong>
          {partial ? `Not loaded for ${yearLabel} yet` : `Nothing to show for ${yearLabel} yet`}: {what} needs{' '}
          {listOf(missing)}.
        </strong>{' '}
        No figures of another year are shown in their place.
      </p>
      <p>
        <Link to={{ pathname: '/import', search }}>
          Import {missing.length === 1 ? 'it' : 'them'} on the Import page
        </Link>
        , or choose another year above.
      </p>
    </div>
  );
}

/** Names as a sentence says them: "a", "a and b", "a, b and c" ("data" for none). */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? 'data';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** What a page says before a year is chosen: loading, or nothing loaded at all (with the way to Import). */
export function NoYearYet({ loading }: { loading: boolean }) {
  if (loading) return <p role="status">Loading…</p>;
  return (
    <div className="missing-data" role="status">
      <p>
        <strong>No files are loaded for any year yet.</strong> <Link to="/import">Import them on the Import page</Link>.
      </p>
    </div>
  );
}
