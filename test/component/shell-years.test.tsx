// The shell and the year chosen (issue 14): the years with data in a selector, newest first, kept in the
// address (Back works, links keep it); an address asking for a year with no data says so; the header names
// the organisation (a setting) and the year. On the 2017/18 sample (msw; fake-indexeddb) with one 2018/19
// dataset planted: a copy of the sample's reserves position, dated 2018/19 and marked illustrative.
// Expected values from the data: the sample's monthly returns are P3, P6, P9 and P12 of 2017/18
// (data/illustrative-2017-18-p0{3,6,9}-outturn.csv, -p12-); 2018/19 has no monthly return, so it opens at P12.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { ensureStarted } from '../../src/api/sample-bootstrap';
import { Shell } from '../../src/app/shell';
import { PresentationProvider } from '../../src/components/presentation';
import { ImportPage } from '../../src/features/import/import-page';
import { getSetting, listDatasets } from '../../src/storage/datasets';
import { openOutturnDb } from '../../src/storage/db';
import { renderWithProviders } from './render-with-providers.tsx';

const ORGANISATION = 'Cambridgeshire Police and Crime Commissioner and Constabulary';

beforeAll(async () => {
  await ensureStarted();
  const reserves = (await listDatasets()).find((d) => d.name === 'table-5-reserves.csv');
  if (!reserves) throw new Error('the sample has no table-5-reserves.csv');
  const db = await openOutturnDb();
  await db.put('datasets', {
    ...reserves,
    id: 'planted-2018-19-reserves',
    name: 'reserves-2018-19.csv',
    year: 2018,
    month: null,
    countsFrom: '2026-01-01T00:00:00.000Z',
    illustrative: true,
  });
});

/** The page: where the router is, and a Back button, as the browser's. */
function Probe() {
  const location = useLocation();
  const navigate = useNavigate();
  return (
    <>
      <output aria-label="Address">{`${location.pathname}${location.search}`}</output>
      <button type="button" onClick={() => void navigate(-1)}>
        Back
      </button>
    </>
  );
}

function renderShell(entry: string, page = <Probe />) {
  const user = userEvent.setup();
  renderWithProviders(
    <PresentationProvider>
      <Shell>
        <Routes>
          <Route path="*" element={page} />
        </Routes>
      </Shell>
    </PresentationProvider>,
    { initialEntries: [entry] },
  );
  return user;
}

const address = () => screen.getByRole('status', { name: 'Address' }).textContent;
const yearSelect = () => screen.getByLabelText<HTMLSelectElement>('Financial year');
const monthSelect = () => screen.getByLabelText<HTMLSelectElement>('Month');
const header = () => screen.getByRole('banner');
const options = (select: HTMLSelectElement) => [...select.options].map((o) => o.textContent);

describe('Shell: the year and month chosen', () => {
  it('lists the years with data, newest first; a choice changes the address, links keep it, Back returns', async () => {
    // Import shows every year's data: with nothing chosen it opens on the latest year with any.
    const user = renderShell('/import');
    await waitFor(() => expect(options(yearSelect())).toEqual(['2018/19', '2017/18']));
    // Nothing chosen: the latest year with data, at P12 (it has no monthly return).
    expect(yearSelect().value).toBe('2018');
    await waitFor(() =>
      expect(header().textContent).toContain(
        `${ORGANISATION} · 2018/19, as at P12 (March 2019) · illustrative sample: generated figures, not a real export`,
      ),
    );

    // Nothing chosen, the navigation carries no year: each page opens on its own latest year with data.
    const links = screen.getByRole('navigation', { name: 'Main' });
    expect(within(links).getByRole('link', { name: 'Capital' }).getAttribute('href')).toBe('/capital');
    await user.click(within(links).getByRole('link', { name: 'Revenue' }));
    expect(address()).toBe('/revenue');

    await user.selectOptions(yearSelect(), '2017/18');
    expect(address()).toBe('/revenue?year=2017-18&month=12');
    expect(options(monthSelect())).toEqual([
      'P1 (April 2017)',
      'P2 (May 2017)',
      'P3 (June 2017) · return loaded',
      'P4 (July 2017)',
      'P5 (August 2017)',
      'P6 (September 2017) · return loaded',
      'P7 (October 2017)',
      'P8 (November 2017)',
      'P9 (December 2017) · return loaded',
      'P10 (January 2018)',
      'P11 (February 2018)',
      'P12 (March 2018) · return loaded',
    ]);
    // 2017/18 mixes the paper's tables with the illustrative monthly series: said so.
    expect(header().textContent).toContain(
      `${ORGANISATION} · 2017/18, as at P12 (March 2018) · includes illustrative sample figures`,
    );

    await user.selectOptions(monthSelect(), 'P6 (September 2017) · return loaded');
    expect(address()).toBe('/revenue?year=2017-18&month=6');
    expect(header().textContent).toContain('2017/18, as at P6 (September 2017)');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Capital' }).getAttribute('href')).toBe(
      '/capital?year=2017-18&month=6',
    );
    expect(within(nav).getByRole('link', { name: 'Import' }).getAttribute('href')).toBe('/import?year=2017-18&month=6');

    // Following a link keeps the year and month.
    await user.click(within(nav).getByRole('link', { name: 'Reserves' }));
    expect(address()).toBe('/reserves?year=2017-18&month=6');
    expect(yearSelect().value).toBe('2017');
    expect(monthSelect().value).toBe('6');

    // Back, step by step, to where the reader started.
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(address()).toBe('/revenue?year=2017-18&month=6');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(address()).toBe('/revenue?year=2017-18&month=12');
    expect(monthSelect().value).toBe('12');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(address()).toBe('/revenue');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(address()).toBe('/import');
    expect(yearSelect().value).toBe('2018');
  });

  it('says when the address asks for a year with no data, and offers the years that have data', async () => {
    const user = renderShell('/reserves?year=2020-21&month=6');
    const said = await screen.findByText(/Nothing is loaded for 2020\/21\./);
    const status = said.closest('[role="status"]')!;
    expect(status.textContent).toContain('No page shows another year’s figures in its place');
    expect(
      within(status as HTMLElement)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['2018/19', '2017/18']);
    expect(yearSelect().value).toBe('2020');
    expect(yearSelect().selectedOptions[0]!.textContent).toBe('2020/21 (no data)');
    expect(header().textContent).toContain('2020/21, as at P6 (September 2020) (no data loaded)');

    await user.click(within(status as HTMLElement).getByRole('button', { name: '2017/18' }));
    expect(address()).toBe('/reserves?year=2017-18&month=12');
    expect(screen.queryByText(/Nothing is loaded for/)).toBeNull();
  });

  it('names the organisation set on the Import page in the header', async () => {
    const user = renderShell('/import?year=2017-18&month=12', <ImportPage />);
    await waitFor(() => expect(header().textContent).toContain(`${ORGANISATION} · 2017/18, as at P12 (March 2018)`));
    const field = await screen.findByLabelText(/Organisation name/);
    expect((field as HTMLInputElement).value).toBe(ORGANISATION);
    await user.clear(field);
    await user.type(field, '  Bedfordshire Police   and Crime Commissioner ');
    await user.click(screen.getByRole('button', { name: 'Save the name' }));
    await waitFor(() =>
      expect(header().textContent).toContain(
        'Bedfordshire Police and Crime Commissioner · 2017/18, as at P12 (March 2018)',
      ),
    );
    expect(
      screen.getByText(/Saved: the header of every page names Bedfordshire Police and Crime Commissioner\./),
    ).toBeTruthy();
    expect(await getSetting('organisation')).toBe('Bedfordshire Police and Crime Commissioner');
  });

  it('opens each page on the latest year that has what it shows, and says which years have it', async () => {
    // A 2019/20 ledger imported alone (planted: the sample's 2018/19 ledger's record, dated a year on).
    const ledger = (await listDatasets()).find((d) => d.kind === 'ledger' && d.year === 2018);
    if (!ledger) throw new Error('the sample has no 2018/19 ledger');
    const db = await openOutturnDb();
    await db.put('datasets', {
      ...ledger,
      id: 'planted-2019-20-ledger',
      year: 2019,
      countsFrom: '2026-02-01T00:00:00.000Z',
    });
    try {
      const user = renderShell('/import');
      // Import shows any year's data: the latest year with any, 2019/20.
      await waitFor(() => expect(yearSelect().value).toBe('2019'));
      const nav = () => screen.getByRole('navigation', { name: 'Main' });
      // Capital: 2019/20 has no capital table, so it opens on 2018/19, and the list says which year has nothing.
      await user.click(within(nav()).getByRole('link', { name: 'Capital' }));
      expect(address()).toBe('/capital');
      await waitFor(() => expect(yearSelect().value).toBe('2018'));
      expect(options(yearSelect())).toEqual(['2019/20 (nothing for this page)', '2018/19', '2017/18']);
      expect(header().textContent).toContain('2018/19, as at P12 (March 2019)');
      expect(screen.queryByText(/has nothing for/)).toBeNull();
      // Revenue: a ledger alone is read against nothing; 2018/19 has the budget and returns.
      await user.click(within(nav()).getByRole('link', { name: 'Revenue' }));
      expect(yearSelect().value).toBe('2018');

      // Chosen by the reader, 2019/20 stays chosen on Reserves, which says so with the years that have it.
      await user.selectOptions(yearSelect(), '2019/20 (nothing for this page)');
      await user.click(within(nav()).getByRole('link', { name: 'Reserves' }));
      expect(address()).toBe('/reserves?year=2019-20&month=12');
      const said = await screen.findByText(/Reserves has nothing for 2019\/20/);
      const status = said.closest('[role="status"]') as HTMLElement;
      expect(status.textContent).toContain('No other year’s figures are shown in its place');
      expect(
        within(status)
          .getAllByRole('button')
          .map((b) => b.textContent),
      ).toEqual(['2018/19', '2017/18']);
      await user.click(within(status).getByRole('button', { name: '2018/19' }));
      expect(address()).toBe('/reserves?year=2018-19&month=12');
      expect(screen.queryByText(/has nothing for/)).toBeNull();
    } finally {
      await db.delete('datasets', 'planted-2019-20-ledger');
    }
  });
});
