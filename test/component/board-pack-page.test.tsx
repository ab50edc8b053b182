// The Board pack page against the sample files (msw) and an in-memory IndexedDB: every page of the pack
// with its running head and number, Table 1 as it casts, the pack's settings, and a pack frozen, listed,
// reopened exactly as it was and compared with the live figures. Expected figures are the paper's.
import 'fake-indexeddb/auto';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BoardPackPage } from '../../src/features/board-pack/board-pack-page';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Snapshot } from '../../src/domain/board-pack/pack-snapshot';
import { openOutturnDb } from '../../src/storage/db';
import { putSnapshot } from '../../src/storage/snapshots';
import { renderWithProviders } from './render-with-providers.tsx';

const rowOf = (table: HTMLElement, label: string): HTMLElement =>
  within(table).getByRole('rowheader', { name: label }).closest('tr')!;
const cells = (row: HTMLElement): string[] =>
  within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent ?? '');

/** An area's row of the position by area: budget, forecast outturn, variance, variance % and status. */
const areaFigures = (table: HTMLElement, area: string): (string | undefined)[] => {
  const c = cells(rowOf(table, area));
  return [c[0], c[3], c[4], c[5], c[6]];
};

function renderPage(entry = '/board-pack?year=2017-18') {
  const user = userEvent.setup({ delay: null });
  renderWithProviders(
    <Routes>
      <Route path="/board-pack" element={<BoardPackPage />} />
    </Routes>,
    { initialEntries: [entry] },
  );
  return user;
}

const sheets = () => screen.getAllByRole('region', { name: /^Page \d+ of \d+:/ });

beforeEach(async () => {
  const db = await openOutturnDb();
  await Promise.all([db.clear('snapshots'), db.delete('settings', 'board-pack')]);
});
afterEach(() => vi.restoreAllMocks());

describe('BoardPackPage', () => {
  it('lays the pack out as numbered pages, each with the title and the period at its head', async () => {
    renderPage();
    await screen.findByRole('region', { name: /^Page 1 of 12: Revenue and capital outturn 2017\/18/ });
    const pages = sheets();
    expect(pages).toHaveLength(12);
    pages.forEach((page, i) => {
      expect(page.querySelector('.pack-running-head')!.textContent).toContain(
        'Revenue and capital outturn 2017/18 · provisional outturn (year end, period 12)',
      );
      expect(page.querySelector('.pack-running-foot')!.textContent).toContain(`Page ${i + 1} of 12`);
    });
  });

  it('shows Table 1 with its totals worked out from the lines, so that it casts', async () => {
    renderPage();
    const table = await screen.findByRole('table', { name: "Table 1: Revenue Outturn 2017/18 (£'000)" });
    // 126,252 + 1,194 + 3,514 = 130,960; 128,040 + 1,098 + 3,608 = 132,746; 132,746 - 130,960 = 1,786.
    expect(cells(rowOf(table, 'TOTAL'))).toEqual(['130,960', '132,746', '1,786', '1.4%', '▲ Adverse']);
    expect(
      screen.getByText('TOTAL, outturn: the paper prints 132,811; its lines as printed add to 132,746.'),
    ).toBeTruthy();
  });

  it('takes its title, year and period from the figures: the settings set only a subtitle', async () => {
    const user = renderPage();
    await screen.findByRole('region', { name: /^Page 1 of 12/ });
    await user.click(screen.getByText(/Pack settings/));
    // No field can type a title or a period over the figures.
    expect(screen.queryByLabelText('Title')).toBeNull();
    expect(screen.queryByLabelText('Period')).toBeNull();
    // Pasted, not typed: each keystroke would draw the whole pack again (seconds, as measured in jsdom); typing is not the point.
    await user.click(screen.getByLabelText(/^Subtitle/));
    await user.paste('BCB 19 July 2018: draft 1');
    await user.click(screen.getByRole('button', { name: 'Save the pack settings' }));
    await waitFor(() =>
      expect(document.querySelector('.pack-cover-subtitle')?.textContent).toBe('BCB 19 July 2018: draft 1'),
    );
    // The organisation is its setting (none set here: the default).
    expect(document.querySelector('.pack-cover-organisation')!.textContent).toBe(
      'Cambridgeshire Police and Crime Commissioner and Constabulary',
    );
    expect(sheets()[0]!.querySelector('.pack-running-head')!.textContent).toContain(
      'Revenue and capital outturn 2017/18 · provisional outturn (year end, period 12)',
    );
  });

  it('freezes the pack, lists it, and reopens it exactly as it was, its seal checked', async () => {
    const user = renderPage();
    await screen.findByRole('region', { name: /^Page 1 of 12/ });
    await user.click(screen.getByLabelText('Name for a frozen copy'));
    await user.paste('July BCB draft');
    await user.click(screen.getByRole('button', { name: 'Freeze this pack' }));
    await screen.findByText(/Frozen “July BCB draft” \(SHA-256 [0-9a-f]{16}…\)/);
    await user.click(screen.getByText(/^Frozen packs, 1 in this browser/));
    const list = await screen.findByRole('table', { name: 'Frozen packs: 1' });
    await user.click(within(list).getByRole('link', { name: 'Open July BCB draft' }));
    const banner = await screen.findByText(/the seal matches, so it is exactly as it was frozen/);
    expect(banner.textContent).toMatch(
      /Worked out again from its frozen inputs by this version \(.+\): the same figures on every page\./,
    );
    expect(sheets()[0]!.querySelector('.pack-running-foot')!.textContent).toMatch(
      /frozen snapshot “July BCB draft”, SHA-256 [0-9a-f]{12}…/,
    );
    const table = screen.getByRole('table', { name: "Table 1: Revenue Outturn 2017/18 (£'000)" });
    expect(cells(rowOf(table, 'TOTAL'))).toEqual(['130,960', '132,746', '1,786', '1.4%', '▲ Adverse']);
  });

  it('compares a frozen pack with the live figures: nothing moved, no new reds, no reserve changed', async () => {
    const user = renderPage();
    await screen.findByRole('region', { name: /^Page 1 of 12/ });
    await user.click(screen.getByRole('button', { name: 'Freeze this pack' }));
    await screen.findByRole('table', { name: 'Frozen packs: 1' });
    expect(
      await screen.findByText(/: 0 figures moved by more than £100k, 0 new reds, 0 reserve balances changed\./),
    ).toBeTruthy();
  });

  it('deletes a frozen pack once confirmed', async () => {
    // The user answers OK (happy-dom has no confirm of its own; the stub is undone after the test).
    vi.stubGlobal(
      'confirm',
      vi.fn(() => true),
    );
    const user = renderPage();
    await screen.findByRole('region', { name: /^Page 1 of 12/ });
    await user.click(screen.getByRole('button', { name: 'Freeze this pack' }));
    await user.click(await screen.findByText(/^Frozen packs, 1 in this browser/));
    const list = await screen.findByRole('table', { name: 'Frozen packs: 1' });
    await user.click(within(list).getByRole('button', { name: /^Delete/ }));
    await waitFor(() => expect(screen.getByText('No pack has been frozen in this browser yet.')).toBeTruthy());
  });

  it("draws a month's pack from the chosen year and month: the monitoring position by area, titled from the data", async () => {
    renderPage('/board-pack?year=2017-18&month=6');
    await screen.findByRole('region', { name: /^Page 1 of \d+: Revenue monitoring 2017\/18/ });
    for (const page of sheets())
      expect(page.querySelector('.pack-running-head')!.textContent).toContain(
        'Revenue monitoring 2017/18 · P6 (September 2017): in-year monitoring',
      );
    const table = screen.getByRole('table', {
      name: "Revenue position by area, P6 (September 2017) (illustrative) (£'000)",
    });
    // From the illustrative P6 return and budget (data/): Local Policing budget 75,259,000.00; forecast 73,424,100.00;
    // variance 73,424.1 - 75,259 = (1,834.9) -> (1,835); 1,834.9 / 75,259 = 2.44% -> 2.4%; favourable, so green.
    expect(areaFigures(table, 'Local Policing')).toEqual([
      '75,259',
      '73,424',
      '(1,835)',
      '2.4%',
      '● Green, favourable',
    ]);
    // Organisational Support: 18,157.7 - 15,984 = 2,173.7 -> 2,174; 13.6% of budget and past £250,000: red.
    expect(areaFigures(table, 'Organisational Support')).toEqual([
      '15,984',
      '18,158',
      '2,174',
      '13.6%',
      '▲ Red, adverse',
    ]);
    // Its sources are the datasets the position came from, not the paper's tables.
    const sources = screen.getByRole('table', { name: /The files behind these figures/ });
    expect(within(sources).getByText('illustrative-2017-18-p06-outturn.csv')).toBeTruthy();
    expect(within(sources).queryByText('table-1-revenue-outturn.csv')).toBeNull();
    // Only what counts for P6: that month's return and the ledger of P1 to P6, not the year's other returns
    // nor the P12 ledger.
    expect(within(sources).getByText('illustrative-2017-18-budget.csv')).toBeTruthy();
    expect(within(sources).getByText('illustrative-2017-18-ledger-p01-p11.csv')).toBeTruthy();
    for (const other of [
      'illustrative-2017-18-p03-outturn.csv',
      'illustrative-2017-18-p09-outturn.csv',
      'illustrative-2017-18-p12-outturn.csv',
      'illustrative-2017-18-ledger-p12.csv',
    ])
      expect(within(sources).queryByText(other), other).toBeNull();
  });

  it("draws P12's monitoring where a year-end table is missing, and says what the year-end pack needs", async () => {
    // The sample's 2018/19 has its outturn summary (Table 1) and P12's return, but neither a constabulary summary nor a
    // scheme list: a year-end pack cannot be drawn. Before, the page said only that (naming the first missing); now the
    // board has P12's monitoring to print, and is told both.
    renderPage('/board-pack?year=2018-19&month=12');
    await screen.findByRole('region', { name: /^Page 1 of \d+: Revenue monitoring 2018\/19/ });
    expect(screen.queryByText(/The pack cannot be drawn/)).toBeNull();
    expect(screen.getByText(/^This is a month's pack of 2018\/19, P12 \(March 2019\)/).textContent).toContain(
      'A year-end pack of 2018/19 also needs Constabulary summary and Appendix 3: Scheme by scheme capital report, not loaded.',
    );
    const table = screen.getByRole('table', {
      name: "Revenue position by area, P12 (March 2019) (illustrative) (£'000)",
    });
    // From data/illustrative-2018-19-p12-outturn.csv, summed by area with Python's Decimal: Local Policing budget
    // 76,764,000.00, forecast 74,717,000.00; (2,047), 2,047 / 76,764 = 2.67% -> 2.7%, favourable. Organisational
    // Support 16,224,000.00 -> 18,464,000.00: 2,240, 13.8%, adverse and past £250,000.
    expect(areaFigures(table, 'Local Policing')).toEqual([
      '76,764',
      '74,717',
      '(2,047)',
      '2.7%',
      '● Green, favourable',
    ]);
    expect(areaFigures(table, 'Organisational Support')).toEqual([
      '16,224',
      '18,464',
      '2,240',
      '13.8%',
      '▲ Red, adverse',
    ]);
    expect(screen.getByRole('button', { name: 'Print or save as PDF' })).toHaveProperty('disabled', false);
  });

  it("says a month's pack cannot be drawn for a month without a return, and shows no other month", async () => {
    renderPage('/board-pack?year=2017-18&month=5');
    const alert = await screen.findByText(/The pack cannot be drawn/);
    expect(alert.textContent).toContain('no monthly monitoring return of P5 (August 2017) is loaded for 2017/18');
    expect(screen.queryAllByRole('region', { name: /^Page \d+ of \d+:/ })).toHaveLength(0);
  });

  it('opens a pack frozen before years exactly as it was, and works it out again the same', async () => {
    const stored = JSON.parse(
      readFileSync(join(import.meta.dirname, '../fixtures/snapshot-before-years.json'), 'utf8'),
    ) as Snapshot;
    await putSnapshot(stored);
    renderPage('/board-pack?snapshot=before-years-1');
    const banner = await screen.findByText(/the seal matches, so it is exactly as it was frozen/);
    expect(banner.textContent).toMatch(
      // The same figures; a later version may word and lay them out otherwise, and says so.
      /Worked out again from its frozen inputs by this version \(.+\): the same figures on every page[.,]/,
    );
    expect(sheets()[0]!.querySelector('.pack-running-head')!.textContent).toContain(
      'BCB 19 July 2018: revenue and capital outturn · 2017/18 provisional outturn (year end)',
    );
    const table = screen.getByRole('table', { name: "Table 1: Revenue Outturn 2017/18 (£'000)" });
    expect(cells(rowOf(table, 'TOTAL'))).toEqual(['130,960', '132,746', '1,786', '1.4%', '▲ Adverse']);
  });

  it('says which kinds of file a year with nothing needs, and draws no pack of another year', async () => {
    renderPage('/board-pack?year=2019-20&month=6');
    expect(
      await screen.findByText(/Nothing to show for 2019\/20 yet: the board pack needs a monthly monitoring return/),
    ).toBeTruthy();
    expect(screen.queryAllByRole('region', { name: /^Page \d+ of \d+:/ })).toHaveLength(0);
  });
});
