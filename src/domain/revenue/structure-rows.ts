import type { Issue, Result } from '../core/result';
import { keyOf } from '../checks/table-rows';
import {
  OTHER_GROUP,
  UNASSIGNED_GROUP,
  type BoardArea,
  type BoardGroup,
  type BoardRowSpec,
  type BoardStructure,
  type BoardTableSpec,
} from './board-structure';

/*
 * The board's layout as data: a file of one row a printed line, read into a BoardStructure, so that an
 * organisation's own areas, lines and tables are imported like any other file (kind 'structure') rather than
 * written in code. Row kinds:
 *   group       a line of Table 1 (key, label)
 *   area        an area (key, label, full label, group, line type, below the line, also named)
 *   subtotal    the areas (or groups) of its table since the last subtotal or total
 *   total       the areas (or groups) of its table since the last total
 *   department  a carry-forward department (label) and the area key it belongs to (key)
 * A table's rows print in file order. The model's own groups ('other', 'unassigned') are added when absent.
 */

export interface StructureRow {
  /** The row's line in its file, for messages. */
  line: number;
  table: string;
  tableTitle: string;
  rowKind: string;
  key: string;
  label: string;
  fullLabel: string;
  group: string;
  lineType: string;
  belowTheLine: string;
  names: string;
}

export type StructureIssueCode =
  | 'unknown-row-kind'
  | 'no-label'
  | 'duplicate-key'
  | 'unknown-group'
  | 'unknown-area'
  | 'bad-line-type'
  | 'empty-sum'
  | 'no-areas';

export type StructureIssue = Issue<StructureIssueCode> & { line: number };

const YES = /^(yes|y|true|1|below)$/i;

export function structureFromRows(rows: readonly StructureRow[]): Result<BoardStructure, StructureIssue> {
  const issues: StructureIssue[] = [];
  const fail = (line: number, code: StructureIssueCode, message: string) => issues.push({ line, code, message });
  const groups: BoardGroup[] = [];
  const areas: BoardArea[] = [];
  const departments: Record<string, string> = {};
  const tables = new Map<string, { title: string; rows: BoardRowSpec[]; lines: number[] }>();
  const keyFor = (r: StructureRow) => r.key.trim() || keyOf(r.label);

  // Groups and areas first: a table may name an area defined further down.
  for (const r of rows) {
    const kind = r.rowKind.trim().toLowerCase();
    if (!['group', 'area', 'subtotal', 'total', 'department'].includes(kind)) {
      fail(
        r.line,
        'unknown-row-kind',
        `Row ${r.line}: "${r.rowKind}" is not a row kind (group, area, subtotal, total or department).`,
      );
      continue;
    }
    if (r.label.trim() === '') fail(r.line, 'no-label', `Row ${r.line}: a ${kind} row needs a label.`);
    if (kind === 'group') {
      if (groups.some((g) => g.key === keyFor(r)))
        fail(r.line, 'duplicate-key', `Row ${r.line}: group "${keyFor(r)}" is defined twice.`);
      else groups.push({ key: keyFor(r), label: r.label.trim() });
    }
    if (kind === 'area') {
      const key = keyFor(r);
      const lineType = r.lineType.trim().toLowerCase() || 'expenditure';
      if (lineType !== 'expenditure' && lineType !== 'income') {
        fail(r.line, 'bad-line-type', `Row ${r.line}: line type "${r.lineType}" is neither expenditure nor income.`);
        continue;
      }
      if (areas.some((a) => a.key === key)) {
        fail(r.line, 'duplicate-key', `Row ${r.line}: area "${key}" is defined twice; give each a key of its own.`);
        continue;
      }
      const label = r.label.trim();
      areas.push({
        key,
        label,
        fullLabel: r.fullLabel.trim() || label,
        group: r.group.trim(),
        lineType,
        names: [
          label,
          ...r.names
            .split(';')
            .map((n) => n.trim())
            .filter(Boolean),
        ],
        ...(YES.test(r.belowTheLine.trim()) ? { belowTheLine: true } : {}),
      });
    }
    if (kind === 'department') departments[keyOf(r.label)] = r.key.trim();
  }
  for (const [key, label] of [
    [OTHER_GROUP, 'Other areas (not in the board’s layout)'],
    [UNASSIGNED_GROUP, 'Cost centres not in the budget'],
  ] as const)
    if (!groups.some((g) => g.key === key)) groups.push({ key, label });

  const groupKeys = new Set(groups.map((g) => g.key));
  const areaKeys = new Set(areas.map((a) => a.key));
  for (const a of areas)
    if (!groupKeys.has(a.group)) {
      const line = rows.find((r) => keyFor(r) === a.key)?.line ?? 0;
      fail(
        line,
        'unknown-group',
        `Row ${line}: area "${a.label}" is in group "${a.group}", which no group row defines.`,
      );
    }
  for (const [department, area] of Object.entries(departments))
    if (!areaKeys.has(area)) {
      const line = rows.find((r) => keyOf(r.label) === department)?.line ?? 0;
      fail(
        line,
        'unknown-area',
        `Row ${line}: department "${department}" belongs to area "${area}", which no area row defines.`,
      );
    }

  // Tables, in file order.
  for (const r of rows) {
    const kind = r.rowKind.trim().toLowerCase();
    if (kind === 'department' || r.table.trim() === '') continue;
    const table = tables.get(r.table.trim()) ?? { title: r.tableTitle.trim(), rows: [], lines: [] };
    tables.set(r.table.trim(), table);
    if (!table.title && r.tableTitle.trim()) table.title = r.tableTitle.trim();
    if (kind === 'group') table.rows.push({ kind: 'group', key: keyFor(r) });
    else if (kind === 'area') table.rows.push({ kind: 'area', key: keyFor(r) });
    else if (kind === 'subtotal' || kind === 'total') {
      // A subtotal sums since the last sum of either kind; a total since the last total.
      const since = table.rows.findLastIndex((s) => s.kind === 'sum' && (kind === 'subtotal' || s.rowType === 'total'));
      const above = table.rows.slice(since + 1);
      const sumAreas = above.flatMap((s) => (s.kind === 'area' ? [s.key] : []));
      const sumGroups = above.flatMap((s) => (s.kind === 'group' ? [s.key] : []));
      if (sumAreas.length === 0 && sumGroups.length === 0)
        fail(
          r.line,
          'empty-sum',
          `Row ${r.line}: "${r.label}" sums nothing: no area or group row is above it in ${r.table}.`,
        );
      table.rows.push({
        kind: 'sum',
        key: keyFor(r),
        label: r.label.trim(),
        rowType: kind,
        areas: sumAreas,
        ...(sumGroups.length > 0 ? { groups: sumGroups } : {}),
      });
    }
  }
  // A group table lists the model's own groups before its first total, so nothing a file names is left out.
  for (const table of tables.values()) {
    if (!table.rows.some((s) => s.kind === 'group')) continue;
    const firstSum = table.rows.findIndex((s) => s.kind === 'sum');
    for (const key of [OTHER_GROUP, UNASSIGNED_GROUP]) {
      if (table.rows.some((s) => s.kind === 'group' && s.key === key)) continue;
      const at = firstSum < 0 ? table.rows.length : table.rows.findIndex((s) => s.kind === 'sum');
      table.rows.splice(at, 0, { kind: 'group', key });
      const total = table.rows.find((s) => s.kind === 'sum' && s.rowType === 'total');
      if (total?.kind === 'sum' && total.groups) total.groups = [...total.groups, key];
    }
  }
  if (areas.length === 0) fail(0, 'no-areas', 'The layout defines no area rows.');
  if (issues.length > 0) return { ok: false, issues };
  const specs: BoardTableSpec[] = [...tables.entries()].map(([id, t]) => ({ id, title: t.title || id, rows: t.rows }));
  return { ok: true, value: { groups, areas, tables: specs, departments } };
}
