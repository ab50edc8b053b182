import { useDeleteSetAside, useSetAside, type SetAside } from '../../api/datasets';
import { DataTable } from '../../components/data-table';
import { useHashTarget } from '../../components/use-hash-target';

/** Stored records Outturn cannot read (damaged, or saved by another version): kept untouched, listed with the reason, deletable. */
export function SetAsideList() {
  const setAside = useSetAside();
  const remove = useDeleteSetAside();
  const list = setAside.data ?? [];
  useHashTarget(list.length > 0); // the notice on every page links here: /import#set-aside
  if (list.length === 0) return null;
  return (
    <section aria-labelledby="set-aside" className="panel">
      <h3 id="set-aside" tabIndex={-1}>
        Stored data that cannot be read
      </h3>
      <p>
        These records are kept as they are (a newer version of Outturn may read them) but left out of every page. Delete
        one to clear it, then import its file again.
      </p>
      <DataTable
        caption={`${list.length} set aside`}
        columns={[
          { key: 'name', header: 'Name', cell: (r: SetAside) => r.name },
          { key: 'what', header: 'What', cell: (r) => (r.store === 'datasets' ? 'Dataset' : 'Import receipt') },
          { key: 'reason', header: 'Why it cannot be read', cell: (r) => `It cannot be read: ${r.reason}.` },
          {
            key: 'actions',
            header: 'Actions',
            cell: (r) => (
              <button
                type="button"
                onClick={() => {
                  if (window.confirm(`Delete ${r.name} for good? It cannot be read by this version of Outturn.`))
                    remove.mutate(r);
                }}
              >
                Delete <span className="visually-hidden">{r.name}</span>
              </button>
            ),
          },
        ]}
        rows={list}
        rowKey={(r) => `${r.store}-${r.id}`}
      />
      {remove.error && (
        <p role="alert" className="error">
          {remove.error.message}
        </p>
      )}
    </section>
  );
}
