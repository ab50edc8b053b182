import type { BoardPack, PackBlock, PackPage, PackTable } from '../../domain/board-pack/board-pack';
import { packTables } from '../../domain/board-pack/board-pack-build';
import { PackCellView } from './pack-cell';
import { PackChartView } from './pack-chart';
import { ExactTableView, PackTableView } from './pack-table-view';

/*
 * The pack as printed pages: one sheet per page of the pack, each exactly one A4 landscape page when
 * printed (12 mm margins: 273 x 185 mm of content), with its own running head (title, period, section)
 * and foot (page n of N). Pages are laid out by the pack itself, so no table or chart is ever split by
 * the browser; the end-to-end test checks that no sheet's content overflows it.
 */

/** The width of a sheet's content in CSS pixels: 273 mm at 96 px to the inch. */
const SHEET_WIDTH_PX = Math.floor((273 / 25.4) * 96);
const GAP_PX = 16;

const longDate = (iso: string): string =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

function chartHeight(block: Extract<PackBlock, { kind: 'chart' }>): number {
  const c = block.chart;
  if (c.kind === 'lines') return 175;
  if (c.kind === 'variance') return Math.max(120, 60 + c.points.length * 24);
  if (c.orientation === 'rows') return Math.max(180, 56 + c.points.length * 26);
  return 210;
}

function Block({
  block,
  pack,
  tables,
  width,
}: {
  block: PackBlock;
  pack: BoardPack;
  tables: Map<string, PackTable>;
  width: number;
}) {
  switch (block.kind) {
    case 'table':
      return <PackTableView table={block.table} />;
    case 'chart':
      return <PackChartView chart={block.chart} width={width} height={chartHeight(block)} />;
    case 'text':
      return <p className={`pack-text pack-${block.tone}`}>{block.text}</p>;
    case 'figures':
      return (
        <dl className="pack-figures">
          {block.items.map((item) => (
            <div key={item.label}>
              <dt>{item.label}</dt>
              <dd>
                <PackCellView cell={item.cell} />
              </dd>
            </div>
          ))}
        </dl>
      );
    case 'columns': {
      const widths = block.widths ?? block.columns.map(() => 1);
      const total = widths.reduce((a, b) => a + b, 0);
      const inner = width - GAP_PX * (block.columns.length - 1);
      return (
        <div className="pack-columns" style={{ gridTemplateColumns: widths.map((w) => `${w}fr`).join(' ') }}>
          {block.columns.map((column, i) => (
            <div key={i} className="pack-column">
              {column.map((b, j) => (
                <Block
                  key={j}
                  block={b}
                  pack={pack}
                  tables={tables}
                  width={Math.floor((inner * (widths[i] ?? 1)) / total)}
                />
              ))}
            </div>
          ))}
        </div>
      );
    }
    case 'contents':
      return (
        <ol className="pack-contents" aria-label="Contents">
          {pack.pages.slice(1).map((p, i) => (
            <li key={p.id}>
              {!p.heading.startsWith(p.section) && <span className="pack-contents-section">{p.section}: </span>}
              <span className="pack-contents-heading">{p.heading}</span>{' '}
              <span className="pack-contents-page">page {i + 2}</span>
            </li>
          ))}
        </ol>
      );
    case 'exact':
      return (
        <>
          {block.tableIds.map((id) => {
            const table = tables.get(id);
            return table ? <ExactTableView key={id} table={table} /> : null;
          })}
        </>
      );
  }
}

function Sheet({
  pack,
  page,
  index,
  count,
  tables,
  stamp,
}: {
  pack: BoardPack;
  page: PackPage;
  index: number;
  count: number;
  tables: Map<string, PackTable>;
  stamp: string;
}) {
  const cover = index === 0;
  return (
    <section
      className={`pack-sheet${cover ? ' pack-cover' : ''}`}
      aria-label={`Page ${index + 1} of ${count}: ${page.heading}`}
      data-page={index + 1}
    >
      <header className="pack-running-head">
        <span>
          {pack.title} · {pack.period}
        </span>
        <span>{page.section}</span>
      </header>
      <div className="pack-body">
        {cover ? (
          <div className="pack-cover-title">
            <h3>{pack.title}</h3>
            <p className="pack-cover-organisation">{pack.organisation}</p>
            <p className="pack-cover-period">{pack.period}</p>
            {pack.subtitle && <p className="pack-cover-subtitle">{pack.subtitle}</p>}
            <p className="pack-cover-date">Produced {longDate(pack.producedAt)}</p>
          </div>
        ) : (
          <h3 className="pack-heading">{page.heading}</h3>
        )}
        {page.blocks.map((b, i) => (
          <Block key={i} block={b} pack={pack} tables={tables} width={SHEET_WIDTH_PX} />
        ))}
      </div>
      <footer className="pack-running-foot">
        <span>{stamp}</span>
        <span>
          Page {index + 1} of {count}
        </span>
      </footer>
    </section>
  );
}

/** Every page of a pack, in order. `stamp` is printed at the foot of each page (who, when, which figures). */
export function PackView({ pack, stamp }: { pack: BoardPack; stamp: string }) {
  const tables = packTables(pack);
  return (
    <div className="pack-sheets">
      {pack.pages.map((page, i) => (
        <Sheet
          key={page.id}
          pack={pack}
          page={page}
          index={i}
          count={pack.pages.length}
          tables={tables}
          stamp={stamp}
        />
      ))}
    </div>
  );
}

/** The foot of each page: the organisation, when the figures were produced, and the app's version. */
export function packStamp(pack: BoardPack, snapshot?: { name: string; sha256: string }): string {
  const base = `${pack.organisation} · produced ${longDate(pack.producedAt)} · Outturn ${pack.appVersion}`;
  return snapshot
    ? `${base} · frozen snapshot “${snapshot.name}”, SHA-256 ${snapshot.sha256.slice(0, 12)}…`
    : `${base} · live figures`;
}
