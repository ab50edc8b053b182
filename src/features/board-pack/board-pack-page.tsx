import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { monitoringPosition, usePackTables } from '../../api/board-pack';
import { buildPackFromInputs, isYearEndPack, packInputs, yearEndMissing } from '../../api/board-pack-inputs';
import { useOrganisation } from '../../api/organisation';
import { usePackSettings, useSavePackSettings } from '../../api/pack-settings';
import { useRagRule } from '../../api/rag-rule';
import { useMonitoringData } from '../../api/revenue-monitoring';
import { monthLabel, useYearChoice, yearLabel } from '../../api/year-choice';
import { DEFAULT_RAG_RULE } from '../../domain/checks/rag';
import { useScenarios } from '../../api/scenarios';
import { APP_VERSION, useDeleteSnapshot, useFreezeSnapshot, useSnapshots } from '../../api/snapshots';
import type { BoardPack } from '../../domain/board-pack/board-pack';
import { sameFigures, samePack, type Snapshot } from '../../domain/board-pack/pack-snapshot';
import { messages, type Issue, type Result } from '../../domain/core/result';
import { listOf, MissingData } from '../../components/missing-data';
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
      : sameFigures(again, snapshot.pack)
        ? `Worked out again from its frozen inputs by this version (${APP_VERSION}): the same figures on every page, worded and laid out as this version does; the pack is shown exactly as it was frozen.`
        : `This version (${APP_VERSION}) works its frozen inputs out differently; the pack is shown exactly as it was frozen.`;
  } catch (error) {
    return `Its frozen inputs cannot be worked out again by this version (${error instanceof Error ? error.message : String(error)}); the pack is shown exactly as it was frozen.`;
  }
}

/**
 * The board pack of the chosen year and month (the shell's choice, in the address): at year end (P12 with the
 * year's outturn tables) every section of the year's figures; for any other month the in-year monitoring
 * position. Every section of the current figures as print-ready A4 landscape pages (print, or save
 * as PDF, from the browser), with the pack's settings, frozen snapshots (open one exactly as it was;
 * compare two), and the pack itself below.
 */
export function BoardPackPage() {
  const { year, month, loaded, error: yearsError } = useYearChoice();
  const tables = usePackTables(year);
  const monitoring = useMonitoringData(year);
  const settings = usePackSettings();
  const organisation = useOrganisation();
  const rule = useRagRule(year).data ?? DEFAULT_RAG_RULE;
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
      year !== null && tables.data && monitoring.data && settings.data && organisation.data && !scenarios.isPending
        ? packInputs({
            year,
            month,
            tables: tables.data,
            position: monitoringPosition(monitoring.data, month, rule),
            organisation: organisation.data,
            preferences: settings.data,
            scenarios: savedScenarios,
          })
        : null,
    [
      year,
      month,
      tables.data,
      monitoring.data,
      settings.data,
      organisation.data,
      rule,
      scenarios.isPending,
      savedScenarios,
    ],
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
  const error = tables.error ?? monitoring.error ?? settings.error ?? organisation.error ?? snapshots.error;
  const kind =
    year === null || !tables.data
      ? null
      : isYearEndPack(month, tables.data)
        ? `a year-end pack of ${yearLabel(year)}: the year's outturn tables, capital, reserves, the reconciliation and the Road Casualty projection`
        : `a month's pack of ${yearLabel(year)}, ${monthLabel(year, month)}: the in-year monitoring position by area, then the year's capital programme and reserves where they are loaded${month === 12 ? `. A year-end pack of ${yearLabel(year)} also needs ${listOf(yearEndMissing(tables.data))}, not loaded` : ''}`;

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
          The figures of the year and month chosen at the top of the page as a board pack, laid out as A4 landscape
          pages: at year end a cover, revenue, capital, reserves, the reconciliation and the Road Casualty Reserve
          projection; for any other month the monitoring position by area with its charts; then the exact figures.
          Tables are in £&rsquo;000 and cast; every page carries the title, the period and its number. The title, year
          and period come from the figures, the organisation from its setting. Print it, or choose &ldquo;Save as
          PDF&rdquo; in the print dialogue.
        </p>
        {kind && <p className="facts-line">This is {kind}.</p>}
        {year !== null && tables.data?.length === 0 && monitoring.data?.models.length === 0 && (
          <MissingData
            yearLabel={yearLabel(year)}
            missing={['a monthly monitoring return (for a month’s pack)', 'an outturn summary (for a year-end pack)']}
            what="the board pack"
          />
        )}
        {year === null && yearsError && (
          <p role="alert" className="error">
            {yearsError.message}
          </p>
        )}
        {year === null && loaded && (
          <MissingData
            yearLabel="any year"
            missing={['a budget by cost centre', 'a monthly monitoring return', 'an outturn summary']}
            what="the board pack"
          />
        )}
        {error && (
          <p role="alert" className="error">
            {error.message}
          </p>
        )}
        {live && !live.ok && !(tables.data?.length === 0 && monitoring.data?.models.length === 0) && (
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
          <summary>Pack settings: subtitle, Road Casualty inputs</summary>
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
