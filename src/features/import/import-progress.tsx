import type { Progress } from '../../import/run-import';

const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;

/** Bytes and rows so far, with a cancel that stops the work and keeps nothing. */
export function ImportProgress({
  fileName,
  progress,
  onCancel,
  label,
}: {
  fileName: string;
  progress: Progress | null;
  onCancel: () => void;
  label: string;
}) {
  const total = progress?.totalBytes ?? 0;
  const done = progress?.bytes ?? 0;
  const percent = total > 0 ? Math.floor((done / total) * 100) : 0;
  return (
    <section aria-labelledby="progress-title" className="panel">
      <h3 id="progress-title">
        {label} {fileName}
      </h3>
      <progress max={100} value={percent} aria-label={`${label} ${fileName}`} aria-valuetext={`${percent}%`} />
      <p role="status" aria-live="polite">
        {progress
          ? `${mb(done)} of ${mb(total)} (${percent}%)${progress.phase === 'importing' ? `, ${progress.rows.toLocaleString('en-GB')} rows read` : ''}`
          : 'Starting…'}
      </p>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </section>
  );
}
