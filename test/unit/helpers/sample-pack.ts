// The board pack's inputs from the 2017/18 sample files, as the app stores them (rows of cells per table), each
// named by the paper's table it stands for (its key) and the dataset it came from.
import Papa from 'papaparse';
import { PACK_TABLES, buildPackFromInputs } from '../../../src/api/board-pack-inputs';
import type { BoardPack } from '../../../src/domain/board-pack/board-pack';
import type { FrozenTable, PackInputs } from '../../../src/domain/board-pack/pack-snapshot';
import { sampleText } from './sample-tables';

export function sampleFrozenTables(edit: (file: string, text: string) => string = (_f, t) => t): FrozenTable[] {
  return PACK_TABLES.map((key) => {
    // The sample's files are named as the paper's keys.
    const [head, ...body] = Papa.parse<string[]>(edit(key, sampleText(key)), { skipEmptyLines: 'greedy' }).data;
    return {
      key,
      file: key,
      datasetId: `id-${key}`,
      sha256: 'f'.repeat(64),
      headers: head!,
      rows: body.map((cells, i) => ({ line: i + 2, cells })),
    };
  });
}

/** The settings a 2017/18 year-end pack is drawn with: the title and period as derived from the year and month. */
export const SETTINGS = {
  title: 'Revenue and capital outturn 2017/18',
  organisation: 'OPCC',
  period: 'provisional outturn (year end, period 12)',
  roadCasualtyScenarioId: null,
};

export function samplePack(inputs: Partial<PackInputs> = {}): BoardPack {
  return buildPackFromInputs(
    {
      tables: sampleFrozenTables(),
      settings: SETTINGS,
      roadCasualty: { source: 'paper' },
      year: 2017,
      month: 12,
      ...inputs,
    },
    { producedAt: '2018-07-19T09:00:00.000Z', appVersion: 'test' },
  );
}
