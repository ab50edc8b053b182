import { readChunkRows, readChunks } from '../storage/datasets';
import {
  readLineIndexHead,
  readLineKeys,
  readLinePositions,
  saveLineIndex,
  saveLineKeys,
} from '../storage/line-index-records';
import type { LedgerStore } from './ledger-lines-query';

/** The ledger lines reader's rows, as IndexedDB keeps them (src/storage). */
export const storedLedgers: LedgerStore = {
  readIndexHead: (id) => readLineIndexHead(id),
  readPositions: (id, from, to) => readLinePositions(id, from, to),
  readLineKeys: (id, from, to) => readLineKeys(id, from, to),
  saveIndex: (id, index) => saveLineIndex(id, index),
  saveLineKeys: (id, lines) => saveLineKeys(id, lines),
  readChunks: (id) => readChunks(id),
  readChunkRows: (dataset, indices) => readChunkRows(dataset, indices),
};
