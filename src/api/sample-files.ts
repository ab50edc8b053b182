/**
 * The sample: the tables of the BCB 19 July 2018 outturn paper (2017/18), an illustrative 2017/18 monthly series,
 * and an illustrative 2018/19 year, as files in data/.
 */
export const SAMPLE_FILES = {
  table1: 'table-1-revenue-outturn.csv',
  constabulary: 'constabulary-summary.csv',
  table3: 'table-3-opcc-corporate-costs.csv',
  capitalProgramme: 'table-4-capital-programme.csv',
  capitalFinancing: 'table-4-capital-financing.csv',
  reserves: 'table-5-reserves.csv',
  revenueCarryForwards: 'appendix-2-revenue-carry-forwards.csv',
  capitalSchemes: 'appendix-3-capital-schemes.csv',
  capitalCarryForwards: 'appendix-4-capital-carry-forwards.csv',
  // The board's layout of the revenue budget that the paper's tables print (areas, Table 1's lines, totals):
  // data, imported like any file (kind 'structure'), so an organisation imports its own.
  boardStructure: 'board-structure-2017-18.csv',
  // ILLUSTRATIVE, not from the paper: a generated 2017/18 monthly series that ends at the paper's outturn
  // (src/cli/generate-sample-year.ts; data/README.md, "The illustrative monthly series").
  illustrativeBudget: 'illustrative-2017-18-budget.csv',
  illustrativeP03: 'illustrative-2017-18-p03-outturn.csv',
  illustrativeP06: 'illustrative-2017-18-p06-outturn.csv',
  illustrativeP09: 'illustrative-2017-18-p09-outturn.csv',
  illustrativeP12: 'illustrative-2017-18-p12-outturn.csv',
  illustrativeLedgerToP11: 'illustrative-2017-18-ledger-p01-p11.csv',
  illustrativeLedgerP12: 'illustrative-2017-18-ledger-p12.csv',
  // ILLUSTRATIVE 2018/19: a second year, rolled forward from 2017/18 (openings = Table 5's closings but one,
  // planted; B/Fwd = Appendix 4's requests), so that the year switch and the checks between years show
  // (src/cli/generate-sample-2018-19.ts; data/README.md, "The illustrative 2018/19 year").
  illustrative2018Budget: 'illustrative-2018-19-budget.csv',
  illustrative2018P03: 'illustrative-2018-19-p03-outturn.csv',
  illustrative2018P06: 'illustrative-2018-19-p06-outturn.csv',
  illustrative2018P09: 'illustrative-2018-19-p09-outturn.csv',
  illustrative2018P12: 'illustrative-2018-19-p12-outturn.csv',
  illustrative2018Ledger: 'illustrative-2018-19-ledger-p01-p12.csv',
  illustrative2018Reserves: 'illustrative-2018-19-reserves.csv',
  illustrative2018CapitalProgramme: 'illustrative-2018-19-capital-programme.csv',
  illustrative2018RevenueOutturn: 'illustrative-2018-19-revenue-outturn.csv',
  illustrative2018BoardStructure: 'illustrative-2018-19-board-structure.csv',
} as const;

export type SampleFile = (typeof SAMPLE_FILES)[keyof typeof SAMPLE_FILES];
export const SAMPLE_FILE_LIST: readonly SampleFile[] = Object.values(SAMPLE_FILES);

/**
 * The year of a sample file that does not settle it itself (every other sample file says it in a year column or
 * its headings, and is read like any upload): Appendix 2 of the 19 July 2018 paper names no year; Table 4's
 * financing headings print "Original 2016/17" beside "Revised 2017/18" (a misprint in the paper), so the
 * import rightly asks. Both are the 2017/18 paper's.
 */
export const SAMPLE_YEAR_SETTLED: Readonly<Partial<Record<SampleFile, number>>> = {
  [SAMPLE_FILES.revenueCarryForwards]: 2017,
  [SAMPLE_FILES.capitalFinancing]: 2017,
};

/**
 * The financial year (first calendar year) each sample file is for, as its catalogue knows it: the paper's
 * tables and the illustrative 2017/18 series are 2017/18, the illustrative second year 2018/19. Only the order
 * of a first start's import uses it (the newest year first, so that the page a reader opens on, the latest year,
 * draws before the rest is in); what a page reads is the year each file's import read from it, which the tests
 * hold to this catalogue.
 */
export const SAMPLE_FILE_YEAR: Readonly<Record<SampleFile, number>> = Object.fromEntries(
  Object.entries(SAMPLE_FILES).map(([key, file]) => [file, key.startsWith('illustrative2018') ? 2018 : 2017]),
) as Record<SampleFile, number>;

/** The generated files (keys named illustrative...): every page that shows their figures says so. */
export const ILLUSTRATIVE_SAMPLE: ReadonlySet<SampleFile> = new Set(
  Object.entries(SAMPLE_FILES)
    .filter(([key]) => key.startsWith('illustrative'))
    .map(([, file]) => file),
);
