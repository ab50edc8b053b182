// The board's layout as data: the sample's layout file reads into the layout the paper's tables were written
// from (BOARD_2017_18, transcribed from the 19 July 2018 paper), and a faulty layout is refused with its row.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOARD_2017_18 } from '../../../../src/domain/papers/board-2017-18';
import { structureFromRows, type StructureRow } from '../../../../src/domain/revenue/structure-rows';

function rowsOf(text: string): StructureRow[] {
  const [head = [], ...body] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
  const at = (name: string) => head.indexOf(name);
  return body.map((cells, i) => ({
    line: i + 2,
    table: cells[at('Board table')] ?? '',
    tableTitle: cells[at('Table title')] ?? '',
    rowKind: cells[at('Row kind')] ?? '',
    key: cells[at('Key')] ?? '',
    label: cells[at('Label')] ?? '',
    fullLabel: cells[at('Full label')] ?? '',
    group: cells[at('Group')] ?? '',
    lineType: cells[at('Line type')] ?? '',
    belowTheLine: cells[at('Below the line')] ?? '',
    names: cells[at('Also named')] ?? '',
  }));
}

const file = (name: string) => readFileSync(new URL(`../../../../data/${name}`, import.meta.url), 'utf8');

describe('structureFromRows', () => {
  it.each(['board-structure-2017-18.csv', 'illustrative-2018-19-board-structure.csv'])(
    '%s reads into the paper’s layout, table by table and area by area',
    (name) => {
      const read = structureFromRows(rowsOf(file(name)));
      expect(read.ok).toBe(true);
      if (read.ok) expect(read.value).toEqual(BOARD_2017_18);
    },
  );

  const HEAD = 'Board table,Row kind,Key,Label,Group,Line type\n';
  it.each([
    ['an area in a group no row defines', 't,group,a,A,,\nt,area,x,X,b,expenditure\n', 'unknown-group', 3],
    ['a line type that is neither', 't,group,a,A,,\nt,area,x,X,a,transfers\n', 'bad-line-type', 3],
    ['two areas with one key', 't,group,a,A,,\nt,area,x,X,a,\nt,area,x,Y,a,\n', 'duplicate-key', 4],
    ['a total with nothing above it', 't,total,t,TOTAL,,\nu,group,a,A,,\nu,area,x,X,a,\n', 'empty-sum', 2],
    ['a row kind that is not one', 't,heading,h,H,,\nt,group,a,A,,\nt,area,x,X,a,\n', 'unknown-row-kind', 2],
    [
      'a department in an area no row defines',
      't,group,a,A,,\nt,area,x,X,a,\n,department,nowhere,Fleet,,\n',
      'unknown-area',
      4,
    ],
  ])('refuses %s, naming the row', (_, body, code, line) => {
    const read = structureFromRows(rowsOf(HEAD + body));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues).toContainEqual(expect.objectContaining({ code, line }));
  });

  it('a subtotal sums the areas since the last sum; a total those since the last total', () => {
    const read = structureFromRows(
      rowsOf(
        `${HEAD}t,group,g,G,,\nt,area,a,A,g,\nt,area,b,B,g,\nt,subtotal,s,Sub,,\nt,area,c,C,g,income\nt,total,all,TOTAL,,\n`,
      ),
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const sums = read.value.tables[0]!.rows.filter((r) => r.kind === 'sum');
    expect(sums.map((s) => (s.kind === 'sum' ? [s.key, s.areas] : []))).toEqual([
      ['s', ['a', 'b']],
      ['all', ['a', 'b', 'c']],
    ]);
    // The model's own groups are added, so an area no layout places is still shown.
    expect(read.value.groups.map((g) => g.key)).toEqual(['g', 'other', 'unassigned']);
  });
});
