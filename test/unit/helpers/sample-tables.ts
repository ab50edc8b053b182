// The 2017/18 sample files read as the app reads them, for the unit tests of the models built on them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readPrintedTable, type PrintedTable } from '../../../src/import/printed-table';

const DATA_DIR = join(import.meta.dirname, '../../../data');

export function sampleText(file: string): string {
  return readFileSync(join(DATA_DIR, file), 'utf8');
}

export function sampleTable(file: string): PrintedTable {
  return readPrintedTable(file, sampleText(file));
}

export interface Expectation {
  id: string;
  table: string;
  row: string;
  column: string;
  printed: number | null;
  computed: number | null;
  difference: number | null;
  status: 'pass' | 'rounding' | 'fail' | 'incomplete';
  unit: string;
  missing: string[];
}

export const expectations = JSON.parse(sampleText('casting-expectations.json')) as Expectation[];
