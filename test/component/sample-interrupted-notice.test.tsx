// An import left unfinished by a closed or reloaded page is tidied at the next start and the user told. Where the
// file was one of the embedded sample's, that start imports it again by itself: the notice says so, rather than
// asking the user to import it (found in a user's check: the first start's page reloaded while the sample's second
// year was being imported, and the notices asked for two sample files to be imported again, already back).
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StoredDataNotices } from '../../src/features/import/stored-data-notices';
import { beginImport, sweepUnfinishedImports } from '../../src/storage/datasets';
import { renderWithProviders } from './render-with-providers.tsx';

describe('an interrupted import found at start-up', () => {
  it("says a sample file's is imported again by itself, and asks for the user's own file to be imported again", async () => {
    await beginImport('sample-1', { fileName: 'illustrative-2017-18-budget.csv', size: 10_850, sample: true });
    await beginImport('upload-1', { fileName: 'gl-march.csv', size: 1_024 });
    const found = await sweepUnfinishedImports();
    expect(found.map((n) => [n.fileName, n.sample ?? false])).toEqual([
      ['illustrative-2017-18-budget.csv', true],
      ['gl-march.csv', false],
    ]);

    renderWithProviders(<StoredDataNotices />);
    const sample = (await screen.findByText('illustrative-2017-18-budget.csv')).closest('p')!.textContent;
    expect(sample).toContain("It is one of the embedded sample's files, which Outturn imports again by itself");
    expect(sample).not.toContain('Import the file again');
    const own = screen.getByText('gl-march.csv').closest('p')!.textContent;
    expect(own).toContain(
      'Nothing from it was kept, and the data stored before it is as it was. Import the file again',
    );
  });
});
