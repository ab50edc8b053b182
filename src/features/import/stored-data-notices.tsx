import { NavLink } from 'react-router';
import { useDismissNotice, useNotices, useSetAside } from '../../api/datasets';

const when = (iso: string): string => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC` : 'an earlier visit');

/**
 * On every page, above it: what happened to the stored data since the user last looked. An import that a
 * closed or reloaded page left unfinished (tidied away, nothing kept), and stored records set aside because
 * they cannot be read. Never silent.
 */
export function StoredDataNotices() {
  const notices = useNotices();
  const setAside = useSetAside('datasets');
  const dismiss = useDismissNotice();
  const unreadable = setAside.data?.length ?? 0;
  if ((notices.data?.length ?? 0) === 0 && unreadable === 0) return null;
  return (
    <section className="notices" aria-label="About your stored data">
      {notices.data?.map((n) => (
        <p key={n.id} className="notice" role="status">
          The import of <strong>{n.fileName}</strong> started {when(n.startedAt)} did not finish: the page was closed or
          reloaded while it ran. Nothing from it was kept, and the data stored before it is as it was.{' '}
          {n.sample
            ? "It is one of the embedded sample's files, which Outturn imports again by itself as it starts."
            : 'Import the file again to load it.'}{' '}
          <button type="button" onClick={() => dismiss.mutate(n.id)}>
            Dismiss <span className="visually-hidden">the notice about {n.fileName}</span>
          </button>
        </p>
      ))}
      {unreadable > 0 && (
        <p className="notice" role="status">
          {unreadable === 1 ? 'One stored dataset' : `${unreadable} stored datasets`} cannot be read and{' '}
          {unreadable === 1 ? 'was' : 'were'} set aside; everything else is shown as usual.{' '}
          <NavLink to="/import#set-aside">See which, and why, on the Import page</NavLink>.
        </p>
      )}
    </section>
  );
}
