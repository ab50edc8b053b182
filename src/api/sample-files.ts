/** The 2017/18 sample: the tables of the BCB 19 July 2018 outturn paper, as files in data/. */
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
} as const;

export type SampleFile = (typeof SAMPLE_FILES)[keyof typeof SAMPLE_FILES];
export const SAMPLE_FILE_LIST: readonly SampleFile[] = Object.values(SAMPLE_FILES);
