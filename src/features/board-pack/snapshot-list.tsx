import { Link } from 'react-router';
import type { UnreadableSnapshot } from '../../api/snapshots';
import { DataTable } from '../../components/data-table';
import type { Snapshot } from '../../domain/board-pack/pack-snapshot';

const when = (iso: string): string =>
  new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });

/** The frozen packs kept in this browser: open one exactly as it was, or delete it. */
export function SnapshotList({
  snapshots,
  unreadable,
  openId,
  onDelete,
}: {
  snapshots: readonly Snapshot[];
  unreadable: readonly UnreadableSnapshot[];
  openId: string | null;
  onDelete: (id: string, name: string) => void;
}) {
  return (
    <>
      {snapshots.length === 0 ? (
        <p>No pack has been frozen in this browser yet.</p>
      ) : (
        <DataTable
          caption={`Frozen packs: ${snapshots.length}`}
          columns={[
            { key: 'name', header: 'Name', cell: (s: Snapshot) => s.name },
            { key: 'frozen', header: 'Frozen', cell: (s) => when(s.frozenAt) },
            { key: 'version', header: 'Outturn version', cell: (s) => s.appVersion },
            {
              key: 'pages',
              header: 'Pages',
              numeric: true,
              cell: (s) => <span data-count="">{s.pack.pages.length}</span>,
            },
            {
              key: 'hash',
              header: 'SHA-256 (sealed)',
              cell: (s) => <span className="mono">{s.sha256.slice(0, 16)}…</span>,
            },
            {
              key: 'actions',
              header: 'Actions',
              cell: (s) => (
                <span className="row-actions">
                  {openId === s.id ? (
                    <strong>Open below</strong>
                  ) : (
                    <Link to={`/board-pack?snapshot=${encodeURIComponent(s.id)}`}>
                      Open <span className="visually-hidden">{s.name}</span>
                    </Link>
                  )}
                  <button type="button" onClick={() => onDelete(s.id, s.name)}>
                    Delete <span className="visually-hidden">{s.name}</span>
                  </button>
                </span>
              ),
            },
          ]}
          rows={snapshots}
          rowKey={(s) => s.id}
        />
      )}
      {unreadable.length > 0 && (
        <div role="alert" className="error-panel">
          <p>
            {unreadable.length === 1
              ? 'One stored snapshot cannot be opened'
              : `${unreadable.length} stored snapshots cannot be opened`}
            : it is not as it was frozen.
          </p>
          <ul>
            {unreadable.map((u) => (
              <li key={u.id}>
                {u.name || u.id}: {u.issues.join('; ')}{' '}
                <button type="button" onClick={() => onDelete(u.id, u.name || u.id)}>
                  Delete <span className="visually-hidden">{u.name || u.id}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
