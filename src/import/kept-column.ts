import { amountText, AS_TEXT } from './amount-text';
import type { NumberedSplit } from './numbered-text';

/*
 * A text column the chunk builder (chunk-builder.ts) kept as packing keeps it (packed-chunk.ts), not as its cells'
 * texts: not part of the stored layout, and never the only copy, since a chunk's `raw` makes the column's texts from
 * it when read. Apart from both because both read it: the builder to give `raw`, packing to make the texts it needs.
 */

/**
 * The way each cell writes the row's pence of `amount` (amount-text.ts), with the texts of the cells no way writes,
 * in order; or each cell split as a numbered reference (numbered-text.ts).
 */
export type KeptColumn = { amount: string; ways: Uint8Array; texts: readonly string[] } | { split: NumberedSplit };

/** The first `count` cells of a kept column as texts. */
export function keptTexts(kept: KeptColumn, count: number, pence: Readonly<Record<string, Float64Array>>): string[] {
  const cells = new Array<string>(count);
  if ('split' in kept) {
    let number = 0;
    for (let r = 0; r < count; r++) cells[r] = kept.split.text(r, (number += kept.split.steps[r]!));
    return cells;
  }
  const amounts = pence[kept.amount];
  if (!amounts) throw new Error(`a kept column names the amount "${kept.amount}", which the chunk does not have`);
  let t = 0;
  for (let r = 0; r < count; r++) {
    const way = kept.ways[r]!;
    const text = way === AS_TEXT ? kept.texts[t++] : amountText(amounts[r]!, way);
    // wayOfCell named a way only where amountText writes the cell back: a null here is a fault, said, not a blank.
    if (text === undefined || text === null) throw new Error('a kept amount cell is not written by its way');
    cells[r] = text;
  }
  return cells;
}
