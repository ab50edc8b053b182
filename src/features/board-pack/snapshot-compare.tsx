import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import type { BoardPack } from '../../domain/board-pack/board-pack';
import { Money, formatThousands, parseAmount } from '../../domain/core/money';
import { comparePacks, type MovedFigure, type NewRed, type ReserveChange } from '../../domain/board-pack/pack-compare';
import type { Snapshot } from '../../domain/board-pack/pack-snapshot';
import { PackStatusBadge } from './pack-cell';

const LIVE = 'live';
const money = (v: string | null | undefined): Money | null => (v === null || v === undefined ? null : new Money(v));

/** Two packs side by side: what moved by more than a threshold, new reds, and reserve balances that changed. */
export function SnapshotCompare({ snapshots, live }: { snapshots: readonly Snapshot[]; live: BoardPack | null }) {
  const [a, setA] = useState(snapshots[1]?.id ?? snapshots[0]?.id ?? LIVE);
  const [b, setB] = useState(snapshots.length > 1 ? (snapshots[0]?.id ?? LIVE) : LIVE);
  const [thresholdText, setThresholdText] = useState('100');
  const packOf = (id: string): BoardPack | null =>
    id === LIVE ? live : (snapshots.find((s) => s.id === id)?.pack ?? null);
  const nameOf = (id: string): string =>
    id === LIVE ? 'the live figures' : `“${snapshots.find((s) => s.id === id)?.name ?? id}”`;
  const threshold = parseAmount(thresholdText, { scale: 'thousands' });
  const before = packOf(a);
  const after = packOf(b);
  const floor = threshold.ok ? threshold.value.amount : null;
  const valid = floor !== null && !floor.isNegative();
  const result = valid && before && after ? comparePacks(before, after, floor) : null;
  const options = [
    ...snapshots.map((s) => (
      <option key={s.id} value={s.id}>
        {s.name} (frozen {s.frozenAt.slice(0, 10)})
      </option>
    )),
    <option key={LIVE} value={LIVE}>
      The live figures (now)
    </option>,
  ];
  const limit = valid ? formatThousands(floor, { zero: '0' }) : '';
  return (
    <div className="pack-compare">
      <div className="choices">
        <label>
          Before{' '}
          <select value={a} onChange={(e) => setA(e.target.value)}>
            {options}
          </select>
        </label>
        <label>
          After{' '}
          <select value={b} onChange={(e) => setB(e.target.value)}>
            {options}
          </select>
        </label>
        <label>
          Moved by more than (£&rsquo;000){' '}
          <input
            type="text"
            inputMode="decimal"
            size={6}
            value={thresholdText}
            onChange={(e) => setThresholdText(e.target.value)}
            aria-invalid={!valid}
          />
        </label>
      </div>
      {!valid && (
        <p role="alert" className="error">
          The threshold must be an amount in £&rsquo;000, nil or more (for example 100).
        </p>
      )}
      {result && (
        <>
          <p>
            From {nameOf(a)} to {nameOf(b)}: {result.moved.length} {result.moved.length === 1 ? 'figure' : 'figures'}{' '}
            moved by more than £{limit}k, {result.newReds.length} new {result.newReds.length === 1 ? 'red' : 'reds'},{' '}
            {result.reserveChanges.length} reserve {result.reserveChanges.length === 1 ? 'balance' : 'balances'}{' '}
            changed.
          </p>
          {result.moved.length > 0 && (
            <DataTable
              caption={`Figures that moved by more than £${limit}k (£'000)`}
              columns={[
                { key: 'line', header: 'Line', cell: (m: MovedFigure) => m.rowLabel },
                { key: 'table', header: 'Table', cell: (m) => m.table },
                { key: 'column', header: 'Column', cell: (m) => m.column },
                { key: 'before', header: 'Before', numeric: true, cell: (m) => <Thousands value={money(m.before)} /> },
                { key: 'after', header: 'After', numeric: true, cell: (m) => <Thousands value={money(m.after)} /> },
                { key: 'change', header: 'Change', numeric: true, cell: (m) => <Thousands value={money(m.change)} /> },
              ]}
              rows={result.moved}
              rowKey={(m) => `${m.table}/${m.row}/${m.column}`}
            />
          )}
          {result.newReds.length > 0 && (
            <DataTable
              caption="New reds: statuses that are red now and were not before"
              columns={[
                { key: 'line', header: 'Line', cell: (r: NewRed) => r.rowLabel },
                { key: 'table', header: 'Table', cell: (r) => r.table },
                { key: 'column', header: 'Column', cell: (r) => r.column },
                {
                  key: 'before',
                  header: 'Before',
                  cell: (r) => (r.before ? <PackStatusBadge status={r.before} /> : 'not listed'),
                },
                { key: 'after', header: 'After', cell: (r) => <PackStatusBadge status={r.after} /> },
              ]}
              rows={result.newReds}
              rowKey={(r) => `${r.table}/${r.row}/${r.column}`}
            />
          )}
          {result.reserveChanges.length > 0 && (
            <DataTable
              caption="Reserve balances that changed (£'000)"
              columns={[
                { key: 'reserve', header: 'Reserve', cell: (r: ReserveChange) => r.reserve },
                {
                  key: 'opening-before',
                  header: 'Opening before',
                  numeric: true,
                  cell: (r) => <Thousands value={money(r.before?.opening)} />,
                },
                {
                  key: 'opening-after',
                  header: 'Opening after',
                  numeric: true,
                  cell: (r) => <Thousands value={money(r.after?.opening)} />,
                },
                {
                  key: 'closing-before',
                  header: 'Closing before',
                  numeric: true,
                  cell: (r) => <Thousands value={money(r.before?.closing)} />,
                },
                {
                  key: 'closing-after',
                  header: 'Closing after',
                  numeric: true,
                  cell: (r) => <Thousands value={money(r.after?.closing)} />,
                },
                {
                  key: 'change',
                  header: 'Closing change',
                  numeric: true,
                  cell: (r) => <Thousands value={money(r.closingChange)} />,
                },
              ]}
              rows={result.reserveChanges}
              rowKey={(r) => r.row}
            />
          )}
        </>
      )}
    </div>
  );
}
