import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { usePackTables } from '../../api/board-pack';
import { buildPackFromInputs, packInputs } from '../../api/board-pack-inputs';
import { usePackSettings, useSavePackSettings } from '../../api/pack-settings';
import { useScenarios } from '../../api/scenarios';
import { APP_VERSION, useDeleteSnapshot, useFreezeSnapshot, useSnapshots } from '../../api/snapshots';
import type { BoardPack } from '../../domain/board-pack/board-pack';
import { samePack, type Snapshot } from '../../domain/board-pack/pack-snapshot';
import { messages, type Issue, type Result } from '../../domain/core/result';
import { PackSettingsForm } from './pack-settings-form';
import { PackView, packStamp } from './pack-view';
import { SnapshotCompare } from './snapshot-compare';
import { SnapshotList } from './snapshot-list';
import './board-pack.css';

/** The live pack, or why it cannot be drawn from the current inputs. */
type Built = Result<BoardPack, Issue<'pack-not-drawn'>>;

/** Whether a frozen pack is drawn the same by this version from its frozen inputs. */
function redrawn(snapshot: Snapshot): string {
  try {
    const again = buildPackFromInputs(snapshot.inputs, {
      producedAt: snapshot.pack.producedAt,
      appVersion: APP_VERSION,
    });
    return samePack(again, snapshot.pack)
      ? `Worked out again from its frozen inputs by this version (${APP_VERSION}): the same figures on every page.`
      : `This version (${APP_VERSION}) works its frozen inputs out differently; the pack is shown exactly as it was frozen.`;
  } catch (error) {
    return `Its frozen inputs cannot be worked out again by this version (${error instanceof Error ? error.message : String(error)}); the pack is shown exactly as it was frozen.`;
  }
}

/**
 * The board pack: every section of the current figures as print-ready A4 landscape pages (print, or save
 * as PDF, from the browser), with the pack's settings, frozen snapshots (open one exactly as it was;
 * compare two), and the pack itself below.
 */
export function BoardPackPage() {
  const tables = usePackTables();
  const settings = usePackSettings();
  const scenarios = useScenarios();
  const snapshots = useSnapshots();
  const saveSettings = useSavePackSettings();
  const freeze = useFreezeSnapshot();
  const remove = useDeleteSnapshot();
  const [params] = useSearchParams();
  const openId = params.get('snapshot');
  const [producedAt] = useState(() => new Date().toISOString());
  const [freezeName, setFreezeName] = useState('');
  const [message, setMessage] = useState('');
  const [settingsMessage, setSettingsMessage] = useState('');

  const savedScenarios = useMemo(() => scenarios.data?.scenarios ?? [], [scenarios.data]);
  const inputs = useMemo(
    () =>
      tables.data && settings.data && !scenarios.isPending
        ? packInputs(tables.data, settings.data, savedScenarios)
        : null,
    [tables.data, settings.data, scenarios.isPending, savedScenarios],
  );
  const live = useMemo((): Built | null => {
    if (!inputs) return null;
    try {
      return { ok: true, value: buildPackFromInputs(inputs, { producedAt, appVersion: APP_VERSION }) };
    } catch (error) {
      return {
        ok: false,
        issues: [{ code: 'pack-not-drawn', message: error instanceof Error ? error.message : String(error) }],
      };
    }
  }, [inputs, producedAt]);
  const list = snapshots.data;
  const open = openId === null ? null : (list?.snapshots.find((s) => s.id === openId) ?? null);
  const check = useMemo(() => (open ? redrawn(open) : ''), [open]);
  const shown = open ? open.pack : live?.ok ? live.value : null;
  const error = tables.error ?? settings.error ?? snapshots.error;

  const onFreeze = () => {
    if (!inputs) return;
    const name =
      freezeName.trim() ||
      `${inputs.settings.title}, frozen ${new Date().toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}`;
    freeze.mutate(
      { name, inputs },
      {
        onSuccess: (s) =>
          setMessage(`Frozen “${s.name}” (SHA-256 ${s.sha256.slice(0, 16)}…). It is listed under Frozen packs.`),
        onError: (e) => setMessage(`Could not freeze the pack: ${e instanceof Error ? e.message : String(e)}`),
      },
    );
  };
  const onDelete = (id: string, name: string) => {
    if (!window.confirm(`Delete the frozen pack “${name}”? This cannot be undone.`)) return;
    remove.mutate(id, { onSuccess: () => setMessage(`Deleted “${name}”.`) });
  };

  return (
    <>
      <div className="no-print">
        <h2>Board pack</h2>
        <p className="lede">
          The current figures as a board pack, laid out as A4 landscape pages: a cover, revenue, capital, reserves, the
          reconciliation and the Road Casualty Reserve projection, then the exact figures. Tables are in £&rsquo;000 and
          cast; every page carries the title, the period and its number. Print it, or choose &ldquo;Save as PDF&rdquo;
          in the print dialogue.
        </p>
        {error && (
          <p role="alert" className="error">
            {error.message}
          </p>
        )}
        {live && !live.ok && (
          <p role="alert" className="error">
            The pack cannot be drawn: {messages(live.issues)}
          </p>
        )}
        <div className="pack-toolbar">
          <button type="button" className="primary" onClick={() => window.print()} disabled={!shown}>
            Print or save as PDF
          </button>
          <label>
            Name for a frozen copy{' '}
            <input
              type="text"
              value={freezeName}
              onChange={(e) => setFreezeName(e.target.value)}
              placeholder="e.g. BCB July: draft 1"
            />
          </label>
          <button type="button" onClick={onFreeze} disabled={!inputs || !live?.ok || freeze.isPending}>
            Freeze this pack
          </button>
          <span role="status" className="pack-message">
            {message}
          </span>
        </div>
        <details className="pack-panel">
          <summary>Pack settings: title, period, Road Casualty inputs</summary>
          {settings.data && (
            <PackSettingsForm
              key={JSON.stringify(settings.data)}
              settings={settings.data}
              scenarios={savedScenarios}
              busy={saveSettings.isPending}
              message={settingsMessage}
              onSave={(s) =>
                saveSettings.mutate(s, { onSuccess: () => setSettingsMessage('Saved. The pack below uses them.') })
              }
            />
          )}
        </details>
        <details className="pack-panel" open={openId !== null || undefined}>
          <summary>
            Frozen packs, {list?.snapshots.length ?? 0} in this browser: open one as it was, or compare two
          </summary>
          {list && (
            <SnapshotList
              snapshots={list.snapshots}
              unreadable={list.unreadable}
              openId={open?.id ?? null}
              onDelete={onDelete}
            />
          )}
          {list && list.snapshots.length > 0 && (
            <>
              <h3>Compare</h3>
              <SnapshotCompare snapshots={list.snapshots} live={live?.ok ? live.value : null} />
            </>
          )}
        </details>
        {openId !== null && list && !open && (
          <p role="alert" className="error">
            There is no frozen pack with the id {openId} in this browser.{' '}
            <Link to="/board-pack">Show the live figures</Link>.
          </p>
        )}
        {open && (
          <div className="snapshot-banner" role="status">
            <p>
              <strong>Frozen pack &ldquo;{open.name}&rdquo;</strong>, frozen{' '}
              {new Date(open.frozenAt).toLocaleString('en-GB')} by Outturn {open.appVersion}. SHA-256{' '}
              <span className="mono">{open.sha256}</span>: <span aria-hidden="true">✓</span> the seal matches, so it is
              exactly as it was frozen. {check}
            </p>
            <p>
              <Link to="/board-pack">Back to the live figures</Link>
            </p>
          </div>
        )}
        {!shown && !error && !(live && !live.ok) && <p role="status">Putting the pack together…</p>}
      </div>
      {shown && <PackView pack={shown} stamp={open ? packStamp(shown, open) : packStamp(shown)} />}
    </>
  );
}
