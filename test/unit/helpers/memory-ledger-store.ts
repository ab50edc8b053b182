// The ledger lines reader's store in memory, over datasets given as decoded chunks: chunks are handed to the reader
// as packed bytes read in place (as IndexedDB gives them), and every read is counted, so a test can say which
// chunks a page needed. `indexed` datasets have their line index made as the import makes it; others have none
// until the reader makes one.
import { headOf, LineIndexBuilder, type LineIndex } from '../../../src/import/line-index';
import { packChunk } from '../../../src/import/packed-chunk';
import { rowsOfPacked } from '../../../src/import/packed-rows';
import type { StoredChunk } from '../../../src/import/stored-chunk';
import type { LedgerLineSource, LedgerStore } from '../../../src/worker/ledger-lines-query';

export interface CountedStore extends LedgerStore {
  /** "dataset:chunk" of every chunk read in place, in order. */
  chunkReads: string[];
  /** Datasets read whole (to make an index). */
  wholeReads: string[];
  saved: Map<string, LineIndex>;
  /** Amounts and dates the reader kept for an index kept without them (`keyed` false). */
  savedKeys: Map<string, Pick<LineIndex, 'linePence' | 'lineDates'>>;
}

export function memoryLedgerStore(
  read: (id: string) => Promise<readonly StoredChunk[]>,
  indexed: readonly Pick<LedgerLineSource, 'datasetId' | 'columns'>[] = [],
  /** false: the indexes stored answer without their lines' amounts and dates, as those kept before 5 December 2026. */
  keyed = true,
): Promise<CountedStore> {
  const saved = new Map<string, LineIndex>();
  const savedKeys = new Map<string, Pick<LineIndex, 'linePence' | 'lineDates'>>();
  const store: CountedStore = {
    chunkReads: [],
    wholeReads: [],
    saved,
    savedKeys,
    readIndexHead: (id) => {
      const index = saved.get(id);
      if (!index) return Promise.resolve(null);
      return Promise.resolve(headOf(index));
    },
    readPositions: (id, from, to) => Promise.resolve(saved.get(id)!.positions.slice(from, to)),
    readLineKeys: (id, from, to) => {
      const index = saved.get(id)!;
      const lines = keyed ? index : savedKeys.get(id);
      if (!lines) return Promise.resolve(null);
      return Promise.resolve({
        positions: index.positions.slice(from, to),
        linePence: lines.linePence.slice(from, to),
        lineDates: lines.lineDates.slice(from, to),
      });
    },
    saveLineKeys: (id, lines) => Promise.resolve(void savedKeys.set(id, lines)),
    saveIndex: (id, index) => Promise.resolve(void saved.set(id, index)),
    readChunks: (id) => {
      store.wholeReads.push(id);
      return read(id);
    },
    readChunkRows: async (dataset, indices) => {
      const chunks = await read(dataset.id);
      return indices.map((i) => {
        store.chunkReads.push(`${dataset.id}:${i}`);
        return rowsOfPacked(packChunk(chunks[i]!));
      });
    },
  };
  return Promise.all(
    indexed.map(async (source) => {
      const builder = new LineIndexBuilder(source.columns);
      for (const chunk of await read(source.datasetId)) builder.add(chunk);
      saved.set(source.datasetId, builder.finish());
    }),
  ).then(() => store);
}
