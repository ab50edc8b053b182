// The board pack in real Chromium (built app): printed to PDF (page.pdf), its pages counted and read
// (pdftotext) and rendered to PNG (pdftoppm), kept in test/e2e/artifacts; no table or chart cut by a page;
// status readable in black and white. Presentation mode on every page. A table's CSV taken back through
// the Import page to the same totals, and a formula in a downloaded text cell defused while -1234.56
// stays a number. Expected figures are the paper's (data/README.md), worked by hand.
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import type { Page } from '@playwright/test';
import { APP_PAGES } from './app-pages';
import { pdfInfo, pdfPageText, pdfToPngs } from './pdf-tools';
import { test, expect, pageReady } from './watched-page';
import { keepScreenshot } from './keep-screenshot';
import { paperYear } from './routes';

const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const TITLE = 'Revenue and capital outturn 2017/18';
// The year once, in the title: the period does not say it again.
const PERIOD = 'provisional outturn (year end, period 12)';
// Cover; revenue (Table 1, Constabulary); capital; reserves (position, balances); reconciliation (summary
// and the paper's 22 failing checks, together on one page); Road Casualty; notes (exact figures, three pages).
const PAGES = 12;

async function openPack(page: Page): Promise<void> {
  await page.goto(paperYear('/board-pack'));
  await pageReady(page);
  await expect(page.getByRole('region', { name: new RegExp(`^Page 1 of ${PAGES}: ${TITLE}`) })).toBeVisible();
}

test.describe(() => {
  // These only read: the worker's started profile, a new page. (Each opening of the pack draws its twelve pages:
  // seconds of both cores; what can be read from one opening is.)
  test.use({ profile: 'shared' });

  test('prints the pack: A4 landscape, every page with the title, the period and its number, every status as a shape and a word in black; pages kept as PNG', async ({
    app,
  }) => {
    await app.setViewportSize({ width: 1400, height: 1000 });
    await openPack(app);
    await app.emulateMedia({ media: 'print' });
    // No table or chart is cut by a page: every sheet is one printed page and nothing overflows it.
    const sheets = await app.locator('.pack-sheet').evaluateAll((els) =>
      els.map((s, i) => {
        const body = s.querySelector('.pack-body')!;
        const box = body.getBoundingClientRect();
        const outside = [...body.querySelectorAll('table, figure')].filter((el) => {
          const r = el.getBoundingClientRect();
          return r.top < box.top - 1 || r.bottom > box.bottom + 1 || r.left < box.left - 1 || r.right > box.right + 1;
        }).length;
        return {
          page: i + 1,
          overflowY: body.scrollHeight - body.clientHeight,
          overflowX: body.scrollWidth - body.clientWidth,
          outside,
        };
      }),
    );
    expect(sheets).toHaveLength(PAGES);
    expect(sheets.filter((s) => s.overflowY > 0 || s.overflowX > 0 || s.outside > 0)).toEqual([]);

    // Every status is said with a shape and a word, and printed in black.
    const statuses = await app.locator('.pack-sheet .pack-status').evaluateAll((els) =>
      els.map((el) => ({
        icon: el.querySelector('[aria-hidden="true"]')?.textContent ?? '',
        word: el.textContent ?? '',
        colour: getComputedStyle(el).color,
      })),
    );
    expect(statuses.length).toBeGreaterThan(40);
    for (const s of statuses) {
      expect(s.icon).toMatch(/^[✓≈✗?▲▼●⇄]$/);
      expect(s.word.replace(s.icon, '').trim()).toMatch(/[A-Za-z0-9]/);
      expect(s.colour).toBe('rgb(0, 0, 0)');
    }

    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = `${ARTIFACTS}board-pack.pdf`;
    await app.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(PAGES);
    expect(info.pageSize).toBe('841.92 x 594.96 pts (A4)'); // 297 x 210 mm: landscape
    for (let i = 1; i <= PAGES; i++) {
      const text = pdfPageText(pdf, i).replace(/\s+/g, ' ');
      expect(text, `page ${i}`).toContain(`${TITLE} · ${PERIOD}`);
      expect(text, `page ${i}`).toContain(`Page ${i} of ${PAGES}`);
    }
    // Table 1's lines add to 130,960 and 132,746; the paper's Road Casualty sum leaves 303.
    expect(pdfPageText(pdf, 2).replace(/\s+/g, ' ')).toMatch(/TOTAL 130,960 132,746 1,786 1\.4% ▲ Adverse/);
    expect(pdfPageText(pdf, 9).replace(/\s+/g, ' ')).toContain('Left at 31 March 2020 303');
    // The failing checks: heading and all 22 on page 8, the first (Table 1's TOTAL outturn) and the last
    // (paragraph 6.2's £410k) both there, and no page says it holds a part of them.
    const failing = pdfPageText(pdf, 8).replace(/\s+/g, ' ');
    expect(failing).toMatch(/Checks that fail Checks that fail: the figure/);
    expect(failing).toContain('Table 1 · TOTAL · Year-End Outturn');
    expect(failing).toContain('paragraph 6.2');
    expect(failing.match(/✗ Does not (cast|tie out)/g)).toHaveLength(22);
    for (let i = 1; i <= PAGES; i++) expect(pdfPageText(pdf, i), `page ${i}`).not.toMatch(/Checks that fail \(\d of/);

    const pngs = pdfToPngs(pdf, ARTIFACTS, 'board-pack-page');
    expect(pngs).toHaveLength(PAGES);
    for (const png of pngs) expect(statSync(png).size).toBeGreaterThan(10_000);
  });

  test("prints a month's pack (2017/18 P6): monitoring, the year's capital and reserves, nothing cut; pages kept as PNG", async ({
    app,
  }) => {
    await app.setViewportSize({ width: 1400, height: 1000 });
    await app.goto('/board-pack?year=2017-18&month=6');
    await pageReady(app);
    await expect(app.getByRole('region', { name: /^Page 1 of \d+: Revenue monitoring 2017\/18/ })).toBeVisible();
    await app.emulateMedia({ media: 'print' });
    const overflowing = await app
      .locator('.pack-sheet .pack-body')
      .evaluateAll((els) =>
        els
          .map((b, i) => ({ page: i + 1, y: b.scrollHeight - b.clientHeight, x: b.scrollWidth - b.clientWidth }))
          .filter((o) => o.y > 0 || o.x > 0),
      );
    expect(overflowing).toEqual([]);
    mkdirSync(ARTIFACTS, { recursive: true });
    const pdf = `${ARTIFACTS}board-pack-p6.pdf`;
    await app.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const { pages } = pdfInfo(pdf);
    const text = Array.from({ length: pages }, (_, i) => pdfPageText(pdf, i + 1).replace(/\s+/g, ' '));
    // Cover, position, charts, capital, reserves (position, balances), notes: the year's Table 4 and Table 5.
    expect(text.some((t) => t.includes('Capital programme by category'))).toBe(true);
    expect(text.some((t) => /Reserves.*24,231/.test(t))).toBe(true);
    // Whole-year tables under a month's heading say so, with their dates.
    expect(text.some((t) => t.includes('to 31 March 2018, not the position at P6 (September 2017)'))).toBe(true);
    expect(text.some((t) => t.includes('balances at 1 April 2017 and 31 March 2018'))).toBe(true);
    for (const [i, t] of text.entries()) expect(t, `page ${i + 1}`).toContain('Revenue monitoring 2017/18');
    expect(pdfToPngs(pdf, ARTIFACTS, 'board-pack-p6-page')).toHaveLength(pages);
  });
});

/** Amounts a viewer could read: numbers in figure cells and chart axes (not percentages, years or counts), any £ sum or printed figure, amount inputs. */
async function visibleAmounts(page: Page): Promise<string[]> {
  return page.locator('main').evaluate((main) => {
    // Counts (checks made, pages) are marked data-count: they are not amounts.
    const figure = [...main.querySelectorAll('td.num, [data-value], .recharts-cartesian-axis-tick-value')]
      .filter((el) => el.closest('[data-count]') === null && el.querySelector('[data-count]') === null)
      .map((el) => el.textContent ?? '')
      .filter((t) =>
        /\d/.test(
          t
            .replace(/\(?\d+(\.\d+)?\)?%/g, '') // a percentage, negatives in brackets: "(0.08)%"
            .replace(/\b\d{4}\/\d{2}\b/g, '')
            .replace(/\b(P|C)\d+/g, ''),
        ),
      );
    const text = (main as HTMLElement).innerText;
    // Anywhere: a £ sum, or a figure as the papers print one (1,547 or (96)).
    const pounds = text.match(/£[ \u00a0]?\d[\d,.]*/g) ?? []; // a sum never spans a line break
    const printed = text.match(/\(\d[\d,]*(\.\d+)?\)(?!%)|\d{1,3}(,\d{3})+(\.\d+)?/g) ?? [];
    const inputs = [
      ...main.querySelectorAll<HTMLInputElement>('input[inputmode="decimal"], input[inputmode="numeric"]'),
    ]
      .filter((i) => i.value !== '' && getComputedStyle(i).getPropertyValue('-webkit-text-security') !== 'disc')
      .map((i) => i.value);
    return [...figure, ...pounds, ...printed, ...inputs];
  });
}

test('presentation mode hides every amount on every page, and the figures come back when it is off', async ({
  app,
}) => {
  await app.goto(paperYear('/revenue'));
  await pageReady(app);
  await expect(APP_PAGES[0]!.ready(app)).toBeVisible();
  expect((await visibleAmounts(app)).length).toBeGreaterThan(10);
  const toggle = app.getByRole('button', { name: /Presentation mode/ });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(app.getByText(/^Presentation mode: every amount is hidden on every page/)).toBeVisible();
  for (const { path, ready } of APP_PAGES) {
    await app.goto(paperYear(path)); // a reload keeps the mode: it is never the reason figures appear
    await pageReady(app);
    await expect(ready(app)).toBeVisible();
    await expect(app.getByRole('button', { name: /Presentation mode/ })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => visibleAmounts(app), { message: `amounts visible on ${path}` }).toEqual([]);
    await keepScreenshot(app, { path: `${ARTIFACTS}presentation${path.replace('/', '-')}.png` });
  }
  // Statuses and indices stay: the reconciliation's words, and Table 1's 1.4%.
  await app.goto(paperYear('/revenue#paper-tables'));
  await expect(app.getByRole('table', { name: 'Table 1: Revenue Outturn 2017/18' })).toContainText('1.4%');
  await expect(app.getByRole('table', { name: 'Table 1: Revenue Outturn 2017/18' })).toContainText('Adverse');
  await app.getByRole('button', { name: /Presentation mode/ }).click();
  await expect(app.getByRole('table', { name: 'Table 1: Revenue Outturn 2017/18' })).toContainText('126,252');
});

test('a table downloaded as CSV goes back in through the Import page to the same totals', async ({ app }) => {
  await openPack(app);
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    app.getByRole('button', { name: "Download CSV Table 1: Revenue Outturn 2017/18 (£'000)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('table-1-revenue-outturn-2017-18.csv');
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = `${ARTIFACTS}table-1-revenue-outturn-2017-18.csv`;
  await download.saveAs(file);
  const bytes = readFileSync(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 byte-order mark: Excel reads £ right
  const rows = Papa.parse<string[]>(bytes.toString('utf8').slice(1), { skipEmptyLines: true }).data;
  expect(rows[0]).toEqual(['Line', "Budget (£'000)", "Outturn (£'000)", "Variance (£'000)", 'Variance %', 'Status']);
  // Numbers as numbers, exact: (96) is -96; no brackets, no thousands separators.
  expect(rows.slice(1)).toEqual([
    ['Constabulary', '126252', '128040', '1788', '1.4%', 'Adverse'],
    ['OPCC', '1194', '1098', '-96', '8.0%', 'Favourable'],
    ['Grants, Capital Financing and costs of surplus properties', '3514', '3608', '94', '2.7%', 'Adverse'],
    ['TOTAL', '130960', '132746', '1786', '1.4%', 'Adverse'],
  ]);

  await app.goto(paperYear('/import'));
  await app.getByLabel(/Choose a CSV file/).setInputFiles(file);
  // The download's headings name no year (its name does, which is never read): the import asks, and is told.
  await expect(app.getByText('Which financial year is this file for?')).toBeVisible();
  await app.getByLabel('Financial year of this file').selectOption('2017');
  await app.getByRole('button', { name: 'Import table-1-revenue-outturn-2017-18.csv' }).click();
  const receipt = app.getByRole('article', { name: 'Import receipt: table-1-revenue-outturn-2017-18.csv' });
  await expect(receipt.getByRole('status')).toContainText('4 rows read = 3 accepted + 0 rejected + 1 skipped');
  // The same totals as the paper's lines: 126,252 + 1,194 + 3,514 = 130,960 and 128,040 + 1,098 + 3,608 = 132,746 (£'000).
  await expect(receipt.getByRole('table', { name: /Control totals: Budget/ })).toContainText('£130,960,000.00');
  await expect(receipt.getByRole('table', { name: /Control totals: Forecast outturn/ })).toContainText(
    '£132,746,000.00',
  );
  // ... which are the sample's own receipt's for Table 1.
  await app.getByRole('button', { name: 'Show receipt of table-1-revenue-outturn.csv', exact: true }).click();
  const sample = app.getByRole('article', { name: 'Import receipt: table-1-revenue-outturn.csv' });
  await expect(sample.getByRole('table', { name: /Control totals: Budget/ })).toContainText('£130,960,000.00');
  await expect(sample.getByRole('table', { name: /Control totals: Forecast outturn/ })).toContainText(
    '£132,746,000.00',
  );
});

test('a downloaded text cell that starts with = is defused, while -1234.56 stays a number', async ({ app }) => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const ledger = `${ARTIFACTS}ledger-with-formula.csv`;
  writeFileSync(
    ledger,
    [
      'Posting date,Period,Cost Centre,Subjective,Description,Amount',
      '03/04/2017,1,00123,4000,Stationery,12.50',
      '31/02/2017,11,00124,4000,"=HYPERLINK(""http://evil.example"",""Click"")",-1234.56',
      '',
    ].join('\n'),
  );
  await app.goto(paperYear('/import'));
  await app.getByLabel(/Choose a CSV file/).setInputFiles(ledger);
  await app.getByRole('button', { name: 'Import ledger-with-formula.csv' }).click();
  const receipt = app.getByRole('article', { name: 'Import receipt: ledger-with-formula.csv' });
  await expect(receipt.getByRole('status')).toContainText('2 rows read = 1 accepted + 1 rejected + 0 skipped');
  const [download] = await Promise.all([
    app.waitForEvent('download'),
    receipt.getByRole('button', { name: 'Download rejections and warnings as CSV' }).click(),
  ]);
  const file = `${ARTIFACTS}ledger-with-formula-rejections.csv`;
  await download.saveAs(file);
  const text = readFileSync(file, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const rows = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  const header = rows[0]!;
  const row = rows[1]!;
  expect(row[header.indexOf('cell: Description')]).toBe(`'=HYPERLINK("http://evil.example","Click")`);
  expect(row[header.indexOf('cell: Amount')]).toBe('-1234.56');
  // In the file itself the amount is a bare number (Excel reads it as one); the formula is quoted text.
  expect(text).toMatch(/,-1234\.56\n/);
  expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click"")"`);

  const [receiptDownload] = await Promise.all([
    app.waitForEvent('download'),
    receipt.getByRole('button', { name: 'Download this receipt as CSV' }).click(),
  ]);
  expect(receiptDownload.suggestedFilename()).toBe('ledger-with-formula-receipt.csv');
  const receiptFile = `${ARTIFACTS}ledger-with-formula-receipt.csv`;
  await receiptDownload.saveAs(receiptFile);
  const receiptRows = Papa.parse<string[]>(readFileSync(receiptFile, 'utf8').slice(1), { skipEmptyLines: true }).data;
  // The one accepted row: £12.50.
  expect(receiptRows).toContainEqual(['control total (£): amount', 'all rows accepted', 'net', '12.50']);
});

// The /board-pack and /workspace pages are axed on layout.spec.ts's load of them (page-checks.ts).
