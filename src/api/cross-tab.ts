import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { IMPORT_LOCK } from '../storage/datasets';

/*
 * Tabs of Outturn in one browser share one database. What one tab changes, the others show: a change to
 * the stored datasets is announced on a BroadcastChannel and every other tab re-reads; an import running
 * in another tab is shown on the Import page. Imports in two tabs run side by side (each writes only its
 * own rows, and the start-up sweep waits for both: see storage/datasets.ts), so nothing is blocked.
 */

type Message =
  | { type: 'datasets-changed' }
  | { type: 'import-started'; id: string; fileName: string }
  | { type: 'import-ended'; id: string }
  | { type: 'hello' };

export interface OtherImport {
  id: string;
  fileName: string;
}

let channel: BroadcastChannel | null | undefined;
const mine = new Map<string, string>();
const others = new Map<string, string>();
const listeners = new Set<() => void>();
const onChanged = new Set<() => void>();
let snapshot: OtherImport[] = [];

function notify(): void {
  snapshot = [...others].map(([id, fileName]) => ({ id, fileName }));
  for (const l of listeners) l();
}

function receive(m: Message): void {
  if (m.type === 'hello') {
    // A tab opened while this one imports: tell it.
    for (const [id, fileName] of mine) post({ type: 'import-started', id, fileName });
  } else if (m.type === 'import-started') {
    others.set(m.id, m.fileName);
    notify();
    watchLocks();
  } else if (m.type === 'import-ended') {
    if (others.delete(m.id)) notify();
  } else {
    for (const f of onChanged) f();
  }
}

function open(): BroadcastChannel | null {
  if (channel !== undefined) return channel;
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('outturn');
  if (channel) {
    // Node (the tests) would otherwise stay alive for the channel.
    (channel as unknown as { unref?: () => void }).unref?.();
    channel.onmessage = (e: MessageEvent<Message>) => receive(e.data);
    channel.postMessage({ type: 'hello' } satisfies Message);
  }
  if (typeof window !== 'undefined') {
    // A page closed or reloaded part-way says so; one that crashes cannot, and watchLocks notices instead.
    window.addEventListener('pagehide', () => {
      for (const id of mine.keys()) post({ type: 'import-ended', id });
    });
  }
  return channel;
}

function post(m: Message): void {
  open()?.postMessage(m);
}

let watching = false;
/** While another tab is said to be importing, check now and then that some tab still holds the import lock. */
function watchLocks(): void {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (watching || !locks?.query) return;
  watching = true;
  const check = async (): Promise<void> => {
    const state = await locks.query();
    const held = (state.held ?? []).some((l) => l.name === IMPORT_LOCK);
    if (!held && mine.size === 0 && others.size > 0) {
      others.clear();
      notify();
    }
    if (others.size > 0) setTimeout(() => void check(), 2000);
    else watching = false;
  };
  setTimeout(() => void check(), 2000);
}

/** This tab starts importing a file: the other tabs are told. */
export function announceImportStarted(id: string, fileName: string): void {
  mine.set(id, fileName);
  post({ type: 'import-started', id, fileName });
}

/** This tab's import ended (kept, cancelled or failed): the other tabs are told, and re-read what is stored. */
export function announceImportEnded(id: string): void {
  mine.delete(id);
  post({ type: 'import-ended', id });
  post({ type: 'datasets-changed' });
}

/** The stored datasets changed here (a delete, the sample reloaded): the other tabs re-read them. */
export function announceDatasetsChanged(): void {
  post({ type: 'datasets-changed' });
}

/** The stored datasets changed under this tab (a late start-up tidy): it re-reads them, and so do the others. */
export function datasetsChangedHere(): void {
  for (const f of onChanged) f();
  post({ type: 'datasets-changed' });
}

/** Imports running in other tabs of this browser. */
export function useOtherTabImports(): OtherImport[] {
  return useSyncExternalStore(
    (listener) => {
      open();
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => snapshot,
    () => snapshot,
  );
}

/** Re-reads the stored datasets when another tab changes them. Used once, at the root of the app. */
export function useCrossTabSync(): void {
  const client = useQueryClient();
  useEffect(() => {
    open();
    const refresh = () => void client.invalidateQueries({ queryKey: ['datasets'] });
    onChanged.add(refresh);
    return () => {
      onChanged.delete(refresh);
    };
  }, [client]);
}
