// How the failing checks are shared into pages: a list that fits one page is never split (the 2017/18 pack split
// its 22 failures 11 and 11, leaving two pages half empty); a longer one fills as few pages as hold it.
import { describe, expect, it } from 'vitest';
import { failurePages } from '../../../../src/domain/board-pack/board-pack-reconciliation';

const short = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ label: `Table 1 · line ${i} · Variance`, rule: 'Rows above add to it' }));
const long = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    label: `Appendix 4 Vehicle Replacement Programme/Equipment revised = Appendix 3 (G), scheme detail number ${i} of the programme`,
    rule: 'Scheme detail against the programme',
  }));

describe('failurePages', () => {
  it('keeps 22 one-line failures on one page', () => {
    expect(failurePages(short(22)).map((p) => p.length)).toEqual([22]);
  });
  it('keeps nothing for no failures', () => {
    expect(failurePages([])).toEqual([]);
  });
  it('shares 60 one-line failures over two pages of 30, not 34 and 26', () => {
    expect(failurePages(short(60)).map((p) => p.length)).toEqual([30, 30]);
  });
  it('counts a failure that wraps as two lines: 22 of them take two pages', () => {
    const pages = failurePages(long(22));
    expect(pages.map((p) => p.length)).toEqual([11, 11]);
    expect(pages.flat()).toEqual(long(22));
  });
});

describe('a frozen pack whose failures were paged otherwise', () => {
  it('prints the same figures when the same failures sit on two pages, and not when one differs', async () => {
    const { samplePack } = await import('../../helpers/sample-pack');
    const { sameFigures } = await import('../../../../src/domain/board-pack/pack-snapshot');
    const pack = samplePack();
    const at = pack.pages.findIndex((p) => p.id === 'reconciliation-failures-1');
    const block = pack.pages[at]!.blocks[0]!;
    if (block.kind !== 'table') throw new Error('no failures table');
    const half = Math.ceil(block.table.rows.length / 2);
    const part = (rows: typeof block.table.rows, n: number) => ({
      ...pack.pages[at]!,
      id: `reconciliation-failures-${n}`,
      blocks: [{ kind: 'table' as const, table: { ...block.table, id: `reconciliation-failures-${n}`, rows } }],
    });
    const split = {
      ...pack,
      pages: [
        ...pack.pages.slice(0, at),
        part(block.table.rows.slice(0, half), 1),
        part(block.table.rows.slice(half), 2),
        ...pack.pages.slice(at + 1),
      ],
    };
    expect(sameFigures(pack, split)).toBe(true);
    const changed = {
      ...split,
      pages: split.pages.map((p) =>
        p.id === 'reconciliation-failures-2' ? part(block.table.rows.slice(half + 1), 2) : p,
      ),
    };
    expect(sameFigures(pack, changed)).toBe(false);
  });
});
