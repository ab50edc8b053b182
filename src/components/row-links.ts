import { PAPER_2017_18 } from '../domain/papers/paper-2017-18';
import { keyOf } from '../domain/checks/table-rows';

/*
 * Where each table's rows live in the app, so that a check can link to "the rows behind it": the capital
 * tables on the Capital page, the reserves tables on the Reserves page, and the revenue tables (shown as
 * printed) on the Reconciliation page. A row's anchor is row-<table id>-<row key>, the keys the checks use.
 */

const PAGES: Readonly<Record<string, string>> = {
  t4p: '/capital',
  t4f: '/capital',
  a3: '/capital',
  a4: '/capital',
  t5: '/reserves',
  a2: '/reserves',
};

const SPECS = Object.entries(PAPER_2017_18).map(([file, spec]) => ({ file, id: spec.id, title: spec.title }));

/** The short id of a table from its file name ("table-5-reserves.csv" -> "t5"). */
export function tableIdOf(file: string): string {
  return SPECS.find((s) => s.file === file)?.id ?? keyOf(file.replace(/\.csv$/i, ''));
}

/** The file of a short table id, if it is one of the sample's. */
export function fileOfTableId(id: string): string | undefined {
  return SPECS.find((s) => s.id === id)?.file;
}

/** A table's title as the paper gives it ("Table 5: Reserves position"). */
function tableTitleOf(tableId: string): string {
  return SPECS.find((s) => s.id === tableId)?.title ?? tableId;
}

const SHORT_NAMES: Readonly<Record<string, string>> = {
  t1: 'Table 1',
  cs: 'Constabulary summary',
  t3: 'Table 3',
  t4p: 'Table 4 payments',
  t4f: 'Table 4 financing',
  t5: 'Table 5',
  a2: 'Appendix 2',
  a3: 'Appendix 3',
  a4: 'Appendix 4',
};

/** What a reader calls a table in a list of links: "Table 5", "Appendix 3". */
export function tableShortNameOf(tableId: string): string {
  return SHORT_NAMES[tableId] ?? tableTitleOf(tableId);
}

/** The id of a row's element: row-t5-capital-reserve. */
export function rowAnchorId(tableId: string, rowKey: string): string {
  return `row-${tableId}-${rowKey}`;
}

/**
 * The in-app link to a row: /capital#row-a3-telematics, or /reconciliation?table=t1#row-t1-opcc. `search` keeps
 * the chosen year ("?year=2018-19&month=6"), so a link lands on the same year's table.
 */
export function rowHref(tableId: string, rowKey: string, search = ''): string {
  const anchor = rowAnchorId(tableId, rowKey);
  const page = PAGES[tableId];
  const rest = search.replace(/^\?/, '');
  return page
    ? `${page}${rest ? `?${rest}` : ''}#${anchor}`
    : `/reconciliation?table=${encodeURIComponent(tableId)}${rest ? `&${rest}` : ''}#${anchor}`;
}

/** The id of a check's row on the Reconciliation page. */
export function checkAnchorId(checkId: string): string {
  return `check-${keyOf(checkId)}`;
}
