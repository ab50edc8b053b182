// The board pack's inputs from the 2017/18 sample files, as the app stores them (rows of cells per table).
import Papa from 'papaparse';
import { PACK_FILES, buildPackFromInputs } from '../../../src/api/board-pack-inputs';
import type { BoardPack } from '../../../src/domain/board-pack/board-pack';
import type { FrozenTable, PackInputs } from '../../../src/domain/board-pack/pack-snapshot';
import { sampleText } from './sample-tables';

export function sampleFrozenTables(edit: (file: string, text: string) => string = (_f, t) => t): FrozenTable[] {
  return PACK_FILES.map((file) => {
    const [head, ...body] = Papa.parse<string[]>(edit(file, sampleText(file)), { skipEmptyLines: 'greedy' }).data;
    return {
      file,
      datasetId: `id-${file}`,
      sha256: 'f'.repeat(64),
      headers: head!,
      rows: body.map((cells, i) => ({ line: i + 2, cells })),
    };
  });
}

export const SETTINGS = {
  title: 'Revenue and capital outturn 2017/18',
  organisation: 'OPCC',
  period: '2017/18 year end',
  roadCasualtyScenarioId: null,
};

export function samplePack(inputs: Partial<PackInputs> = {}): BoardPack {
  return buildPackFromInputs(
    { tables: sampleFrozenTables(), settings: SETTINGS, roadCasualty: { source: 'paper' }, ...inputs },
    { producedAt: '2018-07-19T09:00:00.000Z', appVersion: 'test' },
  );
}
