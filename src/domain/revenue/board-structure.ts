import type { LineType } from '../checks/variance';
import { keyOf } from '../checks/table-rows';

/*
 * How the board reads the revenue budget: the shape of a layout (groups, areas, tables). The layout of the
 * 19 July 2018 outturn paper, BOARD_2017_18, is its one instance (papers/board-2017-18.ts).
 *
 * Budgets, returns and ledgers name an area in their Area column; a layout lists the names each area
 * answers to. An area not listed is shown under "Other areas", never dropped.
 *
 * Table 3's "Transfer to Reserves" is below the line: it is the OPCC's underspend moved to reserves at
 * year-end, and the paper leaves it out of Table 1 (Table 1's OPCC outturn 1,098 = Table 3's 771 + 327;
 * Table 3's TOTAL OPCC 1,194 adds the 96 transferred). The model keeps it out of Table 1 the same way.
 */

/**
 * A line of Table 1 (a group of areas), by key. Two are the model's own, in every layout: 'other' (areas a file
 * names that the layout does not place: shown, never dropped) and 'unassigned' (cost centres with no area).
 */
export type GroupKey = string;
export const OTHER_GROUP = 'other';
export const UNASSIGNED_GROUP = 'unassigned';

export interface BoardArea {
  key: string;
  /** As the paper prints it (two areas print "Reserves"). */
  label: string;
  /** Where the label alone is ambiguous (charts, bridges): "Reserves (Constabulary)". */
  fullLabel: string;
  group: GroupKey;
  lineType: LineType;
  /** Names a file may give in its Area column (compared by keyOf: case and punctuation ignored). */
  names: readonly string[];
  /** Shown in Table 3 but counted in no Table 1 line (see above). */
  belowTheLine?: boolean;
}

export interface BoardGroup {
  key: GroupKey;
  label: string;
}

export interface BoardTableSpec {
  id: string;
  title: string;
  /** Rows in print order: an area, a group (Table 1's lines), a subtotal of areas, or a total. */
  rows: readonly BoardRowSpec[];
}

export type BoardRowSpec =
  | { kind: 'group'; key: GroupKey }
  | { kind: 'area'; key: string }
  | {
      kind: 'sum';
      key: string;
      label: string;
      rowType: 'subtotal' | 'total';
      areas: readonly string[];
      groups?: readonly GroupKey[];
    };

export interface BoardStructure {
  groups: readonly BoardGroup[];
  areas: readonly BoardArea[];
  tables: readonly BoardTableSpec[];
  /** Where a carry-forward request's department sits: department key (keyOf) to area key. */
  departments: Readonly<Record<string, string>>;
}

/** The area a file's Area text names, or undefined when the layout has no such area. */
export function areaNamed(structure: BoardStructure, name: string): BoardArea | undefined {
  const key = keyOf(name);
  if (key === '') return undefined;
  return structure.areas.find((a) => a.names.some((n) => keyOf(n) === key));
}

/** The area a carry-forward request's department belongs to: by the layout's departments, else by area name. */
export function areaOfDepartment(structure: BoardStructure, department: string): BoardArea | undefined {
  const mapped = structure.departments[keyOf(department)];
  return mapped ? structure.areas.find((a) => a.key === mapped) : areaNamed(structure, department);
}
