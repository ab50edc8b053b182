import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import {
  applyImport,
  exportWorkspace,
  planImport,
  readWorkspace,
  useWorkspaceCounts,
  type ApplyReport,
  type WorkspaceReading,
} from '../../api/workspace';
import { usePresentation } from '../../components/presentation';
import type { PlanItem } from '../../import/workspace-plan';
import { ImportPlanView, canTake } from './import-plan-view';

type Step =
  | { name: 'idle' }
  | { name: 'reading'; fileName: string }
  | { name: 'refused'; reading: WorkspaceReading }
  | { name: 'planned'; file: File; reading: WorkspaceReading; plan: PlanItem[]; chosen: Set<string> }
  | { name: 'applying'; fileName: string }
  | { name: 'done'; report: ApplyReport; fileName: string }
  | { name: 'failed'; message: string };

const kb = (bytes: number): string => `${(bytes / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 })} KB`;
const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Everything this browser holds, handed over as one file, and a file taken in with its changes shown first. */
export function WorkspacePage() {
  const counts = useWorkspaceCounts();
  const client = useQueryClient();
  const { on: presenting } = usePresentation();
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState('');
  const [step, setStep] = useState<Step>({ name: 'idle' });

  const onExport = async () => {
    setExporting(true);
    try {
      const file = await exportWorkspace();
      downloadBlob(file.fileName, file.blob);
      setExported(
        `Exported ${file.fileName}: ${kb(file.blob.size)} (${kb(file.plainBytes)} before compression, ${file.lines.toLocaleString('en-GB')} lines).`,
      );
    } catch (e) {
      setExported(`Could not export: ${message(e)}`);
    } finally {
      setExporting(false);
    }
  };
  const onChoose = async (file: File | undefined) => {
    if (!file) return;
    setStep({ name: 'reading', fileName: file.name });
    try {
      const reading = await readWorkspace(file, file.name);
      if (reading.problems.length > 0) {
        setStep({ name: 'refused', reading });
        return;
      }
      const plan = await planImport(reading);
      setStep({ name: 'planned', file, reading, plan, chosen: new Set(plan.filter(canTake).map((i) => i.id)) });
    } catch (e) {
      setStep({ name: 'failed', message: message(e) });
    }
  };
  const onApply = async () => {
    if (step.name !== 'planned') return;
    const { file, plan, chosen } = step;
    setStep({ name: 'applying', fileName: file.name });
    try {
      const report = await applyImport(file, plan, chosen);
      await client.invalidateQueries();
      setStep({ name: 'done', report, fileName: file.name });
    } catch (e) {
      setStep({ name: 'failed', message: message(e) });
    }
  };

  const c = counts.data;
  return (
    <>
      <h2>Workspace</h2>
      <p className="lede">
        Everything Outturn holds in this browser (the datasets with their receipts, mapping profiles, settings,
        scenarios and frozen packs) in one file, to hand the month&rsquo;s work to a colleague without a server: they
        take it in on their own machine and see the same figures on every page. Nothing is uploaded anywhere; the file
        is yours to pass on.
      </p>

      <section aria-labelledby="workspace-export" className="panel">
        <h3 id="workspace-export">Hand over this workspace</h3>
        {c && (
          <p>
            This browser holds {c.datasets} datasets ({c.rows.toLocaleString('en-GB')} rows), {c.receipts} import
            receipts, {c.profiles} mapping profiles, {c.scenarios} scenarios, {c.snapshots} frozen packs and{' '}
            {c.settings} settings.
          </p>
        )}
        <p className="hint">
          One gzip-compressed file of JSON lines. Each dataset carries a SHA-256 of its rows, checked when the file is
          taken in, and the file ends with a count and SHA-256 of all its lines.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={() => void onExport()} disabled={exporting || presenting}>
            {exporting ? 'Exporting…' : 'Export the workspace'}
          </button>
          <span role="status">{presenting ? 'Downloads are off in presentation mode.' : exported}</span>
        </div>
      </section>

      <section aria-labelledby="workspace-import" className="panel">
        <h3 id="workspace-import">Take in a workspace</h3>
        <p>
          Choose a workspace file. Outturn reads and checks all of it first, then shows what it would change here, item
          by item; nothing is written until you apply the changes you choose. What this browser holds that the file does
          not is kept.
        </p>
        {(step.name === 'idle' || step.name === 'done' || step.name === 'refused' || step.name === 'failed') && (
          <label className="file-choice">
            Choose a workspace file{' '}
            <input
              type="file"
              accept=".gz,.ndjson,.jsonl,application/gzip"
              onChange={(e) => void onChoose(e.target.files?.[0])}
            />
          </label>
        )}
        {step.name === 'reading' && <p role="status">Reading and checking {step.fileName}…</p>}
        {step.name === 'applying' && <p role="status">Taking in {step.fileName}…</p>}
        {step.name === 'failed' && (
          <p role="alert" className="error">
            {step.message}
          </p>
        )}
        {step.name === 'refused' && (
          <div role="alert" className="error-panel">
            <p>
              <strong>{step.reading.fileName} was not taken in</strong>; nothing in this browser was changed:
            </p>
            <ul>
              {step.reading.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </div>
        )}
        {step.name === 'planned' && (
          <Plan
            step={step}
            onToggle={(id, take) => {
              const chosen = new Set(step.chosen);
              if (take) chosen.add(id);
              else chosen.delete(id);
              setStep({ ...step, chosen });
            }}
            onApply={() => void onApply()}
            onCancel={() => setStep({ name: 'idle' })}
          />
        )}
        {step.name === 'done' && <Report report={step.report} fileName={step.fileName} />}
      </section>
    </>
  );
}

function Plan({
  step,
  onToggle,
  onApply,
  onCancel,
}: {
  step: Extract<Step, { name: 'planned' }>;
  onToggle: (id: string, take: boolean) => void;
  onApply: () => void;
  onCancel: () => void;
}) {
  const { reading, plan, chosen } = step;
  const count = (a: PlanItem['action']) => plan.filter((i) => i.action === a).length;
  const replacing = plan.filter((i) => i.action === 'replace' && chosen.has(i.id));
  return (
    <div className="workspace-plan">
      <p role="status">
        {reading.fileName}, exported{' '}
        {reading.exportedAt ? new Date(reading.exportedAt).toLocaleString('en-GB') : 'at an unknown time'} by Outturn{' '}
        {reading.appVersion ?? '?'}: every dataset&rsquo;s hash and totals check. It would add {count('add')}, replace{' '}
        {count('replace')}; {count('same')} the same as here; {count('refused')} refused.
      </p>
      {replacing.length > 0 && (
        <p className="detail-missing-note">
          <strong>Replaces what this browser holds:</strong> {replacing.map((i) => i.label).join(', ')}. Untick any you
          want to keep.
        </p>
      )}
      <ImportPlanView plan={plan} chosen={chosen} onToggle={onToggle} />
      <div className="actions">
        <button type="button" className="primary" onClick={onApply} disabled={chosen.size === 0}>
          Apply the {chosen.size} chosen {chosen.size === 1 ? 'change' : 'changes'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel: change nothing
        </button>
      </div>
    </div>
  );
}

function Report({ report, fileName }: { report: ApplyReport; fileName: string }) {
  return (
    <div role="status" className="receipt">
      <p>
        <strong>Taken in from {fileName}:</strong>{' '}
        {report.datasets.length === 0
          ? 'no datasets'
          : report.datasets
              .map(
                (d) =>
                  `${d.name} (${d.count} ${d.count === 1 ? 'dataset' : 'datasets'}, ${d.rows} rows, ${d.action === 'replace' ? 'replaced' : 'added'})`,
              )
              .join('; ')}
        ; {report.receipts} receipts; {report.records} other records.
      </p>
      {report.failures.length > 0 && (
        <ul className="error">
          {report.failures.map((f) => (
            <li key={f}>{f}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
