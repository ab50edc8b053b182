import {
  authorityRowText,
  issuesToCsv,
  layoutText,
  receiptToCsv,
  signedFromSideText,
  type ImportReceipt,
} from '../../import/receipt';
import { Money, formatPounds } from '../../domain/core/money';
import { downloadText } from '../../components/download';
import { usePresentation } from '../../components/presentation';
import { DataTable } from '../../components/data-table';
import { CheckBadge } from '../../components/status-badge';

const pounds = (exact: string): string => formatPounds(new Money(exact));
const ISSUES_SHOWN = 100;

/** The receipt of one import: what was read, how, and proof that every row is accounted for. */
export function ReceiptView({ receipt }: { receipt: ImportReceipt }) {
  const r = receipt.rows;
  const balanced = r.read === r.accepted + r.rejected + r.skipped;
  const mapped = receipt.mapping.filter((m) => m.header !== null);
  const { on: presenting } = usePresentation();
  const signed = signedFromSideText(receipt);
  const converted = authorityRowText(receipt);
  const others = receipt.authorityRow ? receipt.authorityRow.otherRows + receipt.authorityRow.otherYears : 0;
  const base = receipt.fileName.replace(/\.[^.]+$/, '');
  // A Debit/Credit ledger's one total is its amount (debit - credit): named by the file's two columns.
  const header = (key: string) => mapped.find((m) => m.column === key)?.header;
  const sides = receipt.kind === 'ledger' && header('amount') === undefined ? [header('debit'), header('credit')] : [];
  // A column said as Outturn names it and as the file heads it, never by its key ("opening").
  const named = (key: string): string => {
    const m = mapped.find((x) => x.column === key);
    if (!m) return key;
    return m.header && m.header.toLowerCase() !== m.label.toLowerCase() ? `${m.label}, “${m.header}”` : m.label;
  };
  const totalName = (column: string): string =>
    column === 'amount' && sides.some((h) => h !== undefined)
      ? `debits from "${sides[0] ?? '(none)'}", credits from "${sides[1] ?? '(none)'}"`
      : named(column);
  return (
    <article className="receipt" aria-labelledby={`receipt-${receipt.id}`}>
      <h3 id={`receipt-${receipt.id}`}>Import receipt: {receipt.fileName}</h3>
      <p className="rows-summary" role="status">
        <strong>{r.read.toLocaleString('en-GB')} rows read</strong> = {r.accepted.toLocaleString('en-GB')} accepted
        {r.acceptedWithWarnings > 0 ? ` (${r.acceptedWithWarnings.toLocaleString('en-GB')} with warnings)` : ''} +{' '}
        {r.rejected.toLocaleString('en-GB')} rejected + {r.skipped.toLocaleString('en-GB')} skipped (
        {converted ? "other authorities' rows, cells with no figure, totals" : 'totals and footers'}).{' '}
        {balanced ? 'Every row is accounted for.' : 'THE COUNTS DO NOT ADD UP.'} Also {r.blank} blank rows and{' '}
        {r.preamble} lines above the header.
        {r.multiLineRows
          ? ` The rows take ${(r.lines ?? 0).toLocaleString('en-GB')} lines of the file: ${r.multiLineRows.toLocaleString('en-GB')} ${r.multiLineRows === 1 ? 'row runs' : 'rows run'} across line breaks inside quotes.`
          : ''}
        {signed === null ? '' : ` ${signed}`}
      </p>
      {converted && (
        <div className="note">
          {converted.map((t) => (
            <p key={t}>{t}</p>
          ))}
          {others > 0 && (
            <details>
              <summary>
                {others.toLocaleString('en-GB')} {others === 1 ? 'row' : 'rows'} skipped: not your authority&rsquo;s
                figures
              </summary>
              <ul>
                {receipt.authorityRow?.skipped.map((s) => (
                  <li key={s.row}>
                    Row {s.row} &ldquo;{s.label}&rdquo;: {s.reason}
                  </li>
                ))}
              </ul>
              {others > (receipt.authorityRow?.skipped.length ?? 0) && (
                <p>The first {receipt.authorityRow?.skipped.length} are listed; every one is counted.</p>
              )}
            </details>
          )}
        </div>
      )}
      <dl className="facts">
        <dt>File</dt>
        <dd>
          {receipt.fileName}, {receipt.size.toLocaleString('en-GB')} bytes
        </dd>
        <dt>SHA-256</dt>
        <dd className="mono">{receipt.sha256}</dd>
        <dt>Encoding</dt>
        <dd>
          {receipt.encoding}: {receipt.encodingReason}
        </dd>
        <dt>Layout</dt>
        <dd>
          {layoutText(receipt)} ({receipt.headerReason})
        </dd>
        <dt>Read as</dt>
        <dd>
          {receipt.kind}
          {receipt.profileName ? `, with the saved mapping "${receipt.profileName}"` : ''}
        </dd>
        <dt>Mapping</dt>
        <dd>
          {mapped.map((m) => `${m.label} ← "${m.header ?? ''}"${m.scale === 'thousands' ? " (£'000)" : ''}`).join('; ')}
        </dd>
        <dt>Imported</dt>
        <dd>
          {receipt.finishedAt.replace('T', ' ').slice(0, 19)} UTC in {receipt.durationMs.toLocaleString('en-GB')} ms
        </dd>
      </dl>

      {receipt.controlTotals.map((t) => (
        <DataTable
          key={t.column}
          caption={`Control totals: ${totalName(t.column)} (£, exact)`}
          columns={[
            {
              key: 'period',
              header: 'Period',
              cell: (p: (typeof t.byPeriod)[number] & { label?: string }) =>
                p.label ?? (p.period === 0 ? 'No period' : `P${p.period}`),
            },
            { key: 'debit', header: 'Debits', numeric: true, cell: (p) => pounds(p.debit) },
            { key: 'credit', header: 'Credits', numeric: true, cell: (p) => pounds(p.credit) },
            { key: 'net', header: 'Net', numeric: true, cell: (p) => pounds(p.net) },
          ]}
          rows={[
            // By period wherever the file has periods, even one (a month's export then says which month it
            // holds); a single "No period" row would only repeat the overall one.
            ...(t.byPeriod.some((p) => p.period !== 0) ? t.byPeriod : []),
            { period: -1, label: 'All rows accepted', debit: t.debit, credit: t.credit, net: t.net },
          ]}
          rowKey={(p) => String(p.period)}
          rowClass={(p) => (p.period === -1 ? 'row-total' : undefined)}
        />
      ))}

      {receipt.totalRowChecks.length > 0 && (
        <DataTable
          caption="The file's own total rows against the rows above them"
          columns={[
            { key: 'row', header: 'Row', cell: (c: ImportReceipt['totalRowChecks'][number]) => `${c.row}: ${c.label}` },
            { key: 'column', header: 'Column', cell: (c) => named(c.column) },
            { key: 'printed', header: 'In the file', numeric: true, cell: (c) => pounds(c.printed) },
            { key: 'computed', header: 'Rows add to', numeric: true, cell: (c) => pounds(c.computed) },
            { key: 'difference', header: 'Difference', numeric: true, cell: (c) => pounds(c.difference) },
            { key: 'status', header: 'Status', cell: (c) => <CheckBadge status={c.status} /> },
          ]}
          rows={receipt.totalRowChecks}
          rowKey={(c) => `${c.row}-${c.column}`}
        />
      )}

      {receipt.issueCount > 0 && (
        <>
          <DataTable
            caption={`Rejections and warnings: ${receipt.issueCount.toLocaleString('en-GB')}${receipt.issueCount > ISSUES_SHOWN ? ` (the first ${ISSUES_SHOWN} shown; all in the download)` : ''}`}
            columns={[
              { key: 'row', header: 'Row', cell: (i: ImportReceipt['issues'][number]) => String(i.row) },
              { key: 'column', header: 'Column', cell: (i) => i.column || '(whole row)' },
              {
                key: 'severity',
                header: 'Outcome',
                cell: (i) =>
                  i.severity === 'error' ? '✗ Rejected' : i.code === 'no-figure' ? '– Skipped: no figure' : '⚠ Warning',
              },
              { key: 'message', header: 'Reason', cell: (i) => i.message },
              { key: 'value', header: 'Value in the file', cell: (i) => <span className="mono">{i.value}</span> },
            ]}
            rows={receipt.issues.slice(0, ISSUES_SHOWN)}
            rowKey={(i) => `${i.row}-${i.column}-${i.code}`}
          />
          <button
            type="button"
            disabled={presenting}
            onClick={() => downloadText(`${base}-rejections.csv`, issuesToCsv(receipt))}
          >
            Download rejections and warnings as CSV
          </button>
        </>
      )}

      <p className="actions">
        <button
          type="button"
          disabled={presenting}
          onClick={() => downloadText(`${base}-receipt.csv`, receiptToCsv(receipt))}
        >
          Download this receipt as CSV
        </button>
      </p>

      {receipt.skippedRows.length > 0 && (
        <details>
          <summary>
            {receipt.skippedRows.length} {receipt.skippedRows.length === 1 ? 'row' : 'rows'} kept out of the data
            (totals, subtotals, footers)
          </summary>
          <ul>
            {receipt.skippedRows.map((s) => (
              <li key={`${s.row}-${s.label}`}>
                Row {s.row} ({s.type}) &ldquo;{s.label}&rdquo;: {s.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}
