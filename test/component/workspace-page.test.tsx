// The Workspace page (msw serves the sample; IndexedDB in memory): the workspace exported as one file,
// this browser then changed, and the file taken back in: the plan shows every change before anything is
// written, and applying it restores what the file holds. A damaged or edited file is refused.
import 'fake-indexeddb/auto';
import { gunzipSync } from 'node:zlib';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_FILE_LIST } from '../../src/api/sample-files';
import { exportWorkspace } from '../../src/api/workspace';
import { WorkspacePage } from '../../src/features/workspace/workspace-page';
import { LinesHasher } from '../../src/import/workspace-file';
import { openOutturnDb } from '../../src/storage/db';
import { renderWithProviders } from './render-with-providers.tsx';

// Every sample file is imported at first start (the paper's tables, and any other sample data shipped).
const SAMPLES = SAMPLE_FILE_LIST.length;

const PROFILE = {
  signature: 'cost centre|amount',
  name: 'Monthly ledger',
  kind: 'ledger',
  mapping: { costCentre: 0, amount: 1 },
  headerIndex: 0,
  savedAt: '2018-07-01T00:00:00.000Z',
};

async function renderPage() {
  const user = userEvent.setup({ delay: null });
  renderWithProviders(<WorkspacePage />, { initialEntries: ['/workspace'] });
  await screen.findByText(new RegExp(`This browser holds ${SAMPLES} datasets`));
  return user;
}

async function plainLines(blob: Blob): Promise<string[]> {
  return new TextDecoder()
    .decode(gunzipSync(new Uint8Array(await blob.arrayBuffer())))
    .trimEnd()
    .split('\n');
}

function fileOf(lines: readonly string[], name = 'edited.ndjson'): File {
  return new File([`${lines.join('\n')}\n`], name);
}

/** The lines with the last (count and SHA-256) recomputed, as someone editing the file carefully would. */
function resealed(lines: readonly string[]): string[] {
  const body = lines.slice(0, -1);
  const h = new LinesHasher();
  body.forEach((l) => h.add(l));
  return [...body, JSON.stringify({ type: 'end', lines: h.lines, sha256: h.digest() })];
}

beforeEach(async () => {
  const db = await openOutturnDb();
  await Promise.all([db.clear('profiles'), db.delete('settings', 'board-pack')]);
});

describe('WorkspacePage', () => {
  it('exports the workspace and takes it back: the plan shows each change, then the chosen changes are made', async () => {
    const db = await openOutturnDb();
    await db.put('profiles', PROFILE);
    await db.put(
      'settings',
      { title: 'From the officer', organisation: 'OPCC', period: 'P12', roadCasualtyScenarioId: null },
      'board-pack',
    );
    const user = await renderPage();
    const exported = await exportWorkspace(new Date('2018-07-19T09:00:00Z'));
    expect(exported.fileName).toBe('outturn-workspace-2018-07-19.ndjson.gz');
    const lines = await plainLines(exported.blob);
    // The header, each sample dataset (one chunk, its receipt and its record), the profile, the setting, the count.
    expect(lines).toHaveLength(1 + SAMPLES * 3 + 1 + 1 + 1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      type: 'outturn-workspace',
      format: 1,
      exportedAt: '2018-07-19T09:00:00.000Z',
    });

    // This browser moves on: the profile is deleted and the pack's title changed.
    await db.delete('profiles', PROFILE.signature);
    await db.put(
      'settings',
      { title: 'Changed here', organisation: 'OPCC', period: 'P12', roadCasualtyScenarioId: null },
      'board-pack',
    );

    await user.upload(screen.getByLabelText('Choose a workspace file'), new File([exported.blob], exported.fileName));
    const plan = await screen.findByRole('table', { name: 'What importing this file would change in this browser' });
    const row = (label: string) => within(plan).getByRole('rowheader', { name: label }).closest('tr')!;
    expect(within(row('table-5-reserves.csv')).getByText('No change')).toBeTruthy();
    expect(within(row('Mapping profile “Monthly ledger”')).getByText('Adds')).toBeTruthy();
    expect(within(row('Board pack settings')).getByText('Replaces')).toBeTruthy();
    expect(screen.getByText(/Replaces what this browser holds:/).parentElement!.textContent).toContain(
      'Board pack settings',
    );
    expect(
      screen.getByText(
        new RegExp(
          `every dataset’s hash and totals check\\. It would add 1, replace 1; ${SAMPLES} the same as here; 0 refused\\.`,
        ),
      ),
    ).toBeTruthy();

    // Nothing has been written yet.
    expect(await db.get('profiles', PROFILE.signature)).toBeUndefined();
    await user.click(screen.getByRole('button', { name: 'Apply the 2 chosen changes' }));
    await screen.findByText(/Taken in from outturn-workspace-2018-07-19\.ndjson\.gz:/);
    expect(await db.get('profiles', PROFILE.signature)).toEqual(PROFILE);
    expect(((await db.get('settings', 'board-pack')) as { title: string }).title).toBe('From the officer');
  });

  it('leaves what is unticked as it is', async () => {
    const db = await openOutturnDb();
    await db.put(
      'settings',
      { title: 'From the officer', organisation: 'OPCC', period: 'P12', roadCasualtyScenarioId: null },
      'board-pack',
    );
    const user = await renderPage();
    const exported = await exportWorkspace();
    await db.put(
      'settings',
      { title: 'Mine', organisation: 'OPCC', period: 'P12', roadCasualtyScenarioId: null },
      'board-pack',
    );
    await user.upload(screen.getByLabelText('Choose a workspace file'), new File([exported.blob], exported.fileName));
    await user.click(await screen.findByRole('checkbox', { name: 'Take Board pack settings' }));
    expect(screen.getByRole('button', { name: 'Apply the 0 chosen changes' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Cancel: change nothing' }));
    expect(((await db.get('settings', 'board-pack')) as { title: string }).title).toBe('Mine');
  });

  it('refuses a file whose lines were edited, as a whole, and changes nothing', async () => {
    const user = await renderPage();
    const lines = await plainLines((await exportWorkspace()).blob);
    // Table 5's Budget Assistance Reserve: usage (4,354) becomes (4,355) in the rows.
    const edited = lines.map((l) =>
      l.includes('"type":"chunk"') && l.includes('(4,354)') ? l.replace('(4,354)', '(4,355)') : l,
    );
    expect(edited).not.toEqual(lines);
    await user.upload(screen.getByLabelText('Choose a workspace file'), fileOf(edited));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('edited.ndjson was not taken in');
    expect(alert.textContent).toContain(
      'Its lines do not match the count and SHA-256 in its last line: it has been altered or damaged since it was written.',
    );
  });

  it('refuses a dataset whose rows no longer match its own hash, even when the file’s last line was made to match', async () => {
    const user = await renderPage();
    const lines = await plainLines((await exportWorkspace()).blob);
    const edited = resealed(
      lines.map((l) => (l.includes('"type":"chunk"') && l.includes('(4,354)') ? l.replace('(4,354)', '(4,355)') : l)),
    );
    await user.upload(screen.getByLabelText('Choose a workspace file'), fileOf(edited));
    const plan = await screen.findByRole('table', { name: 'What importing this file would change in this browser' });
    const row = within(plan).getByRole('rowheader', { name: 'table-5-reserves.csv' }).closest('tr')!;
    expect(within(row).getByText('Refused')).toBeTruthy();
    expect(row.textContent).toMatch(
      /Not taken: its content hash is [0-9a-f]{16}…, not the [0-9a-f]{16}… written when it was exported/,
    );
  });

  it('refuses a file that is not a workspace', async () => {
    const user = await renderPage();
    await user.upload(
      screen.getByLabelText('Choose a workspace file'),
      new File(['Reserve,Balance\nGeneral,7198\n'], 'table.ndjson'),
    );
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('This is not an Outturn workspace file.'),
    );
  });
});
