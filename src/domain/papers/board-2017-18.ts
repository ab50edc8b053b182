import type { BoardArea, BoardStructure, GroupKey } from '../revenue/board-structure';

/*
 * The layout of the 19 July 2018 outturn paper, as the board reads the revenue budget (the types and how a
 * layout is read are in revenue/board-structure.ts).
 *
 * Table 1 has three lines (Constabulary; OPCC; Grants, Capital Financing and costs of surplus
 * properties). The Constabulary line opens into the six areas of the Constabulary summary (4.1), and the
 * other two into Table 3's lines. Budgets, returns and ledgers name an area in their Area column; the
 * names each area answers to are listed here, so that a file can say "Corporate Reserves" where the paper
 * prints a second "Reserves". An area not listed is shown under "Other areas", never dropped.
 */

const area = (
  key: string,
  label: string,
  group: GroupKey,
  names: string[],
  extra: Partial<BoardArea> = {},
): BoardArea => ({
  key,
  label,
  fullLabel: extra.fullLabel ?? label,
  group,
  lineType: /\bincome\b/i.test(label) ? 'income' : 'expenditure',
  names: [label, ...names],
  ...extra,
});

const CONSTABULARY_AREAS = [
  'local-policing',
  'organisational-support',
  'collaboration',
  'income',
  'carry-forwards',
  'constabulary-reserves',
];
const OPCC_AREAS = ['commissioner-and-staff', 'supplies-and-services'];
const GRANTS_AREAS = [
  'corporate-costs-and-grants',
  'property-in-capital-financing-costs',
  'costs-of-surplus-properties',
  'corporate-reserves',
];

/**
 * Appendix 2 names a department, not an area. Where each department's requests sit in the board's layout
 * is an inference (the paper does not say), made from what the departments are:
 * - Local Policing is an area; PCC requests are commissioning grants (victims services, crime and
 *   disorder), in Table 3's Corporate Costs and Grants;
 * - Corporate, Corporate Comms, ACPO (the women's group account the force holds as banker), Agile
 *   (the Demand Hub) and CDD (corporate development) are support functions: Organisational Support;
 * - RPU is the collaborated Roads Policing Unit (para 4.9) and ERSOU the regional organised crime unit:
 *   Collaboration.
 */
const CARRY_FORWARD_DEPARTMENTS_2017_18: Readonly<Record<string, string>> = {
  'local-policing': 'local-policing',
  pcc: 'corporate-costs-and-grants',
  corporate: 'organisational-support',
  'corporate-comms': 'organisational-support',
  acpo: 'organisational-support',
  agile: 'organisational-support',
  cdd: 'organisational-support',
  rpu: 'collaboration',
  collaboration: 'collaboration',
};

export const BOARD_2017_18: BoardStructure = {
  groups: [
    { key: 'constabulary', label: 'Constabulary' },
    { key: 'opcc', label: 'OPCC' },
    { key: 'grants', label: 'Grants, Capital Financing and costs of surplus properties' },
    { key: 'other', label: 'Other areas (not in the board’s layout)' },
    { key: 'unassigned', label: 'Cost centres not in the budget' },
  ],
  areas: [
    area('local-policing', 'Local Policing', 'constabulary', []),
    area('organisational-support', 'Organisational Support', 'constabulary', []),
    area('collaboration', 'Collaboration', 'constabulary', ['Collaborated units']),
    area('income', 'Income', 'constabulary', ['Constabulary income']),
    area('carry-forwards', 'Carry Forwards', 'constabulary', ['Carry forward', 'Carry-forwards']),
    area('constabulary-reserves', 'Reserves', 'constabulary', ['Constabulary Reserves'], {
      fullLabel: 'Reserves (Constabulary)',
    }),
    area('commissioner-and-staff', 'Commissioner and Staff', 'opcc', []),
    area('supplies-and-services', 'Supplies and Services', 'opcc', ['OPCC Supplies and Services']),
    area('transfer-to-reserves', 'Transfer to Reserves', 'opcc', ['OPCC Transfer to Reserves'], { belowTheLine: true }),
    area('corporate-costs-and-grants', 'Corporate Costs and Grants', 'grants', []),
    area('property-in-capital-financing-costs', 'Property in Capital Financing Costs', 'grants', [
      'Capital Financing Costs',
    ]),
    area('costs-of-surplus-properties', 'Costs of surplus properties', 'grants', ['Surplus properties']),
    area('corporate-reserves', 'Reserves', 'grants', ['Corporate Reserves'], { fullLabel: 'Reserves (corporate)' }),
  ],
  tables: [
    {
      id: 'table-1',
      title: 'Revenue position (as Table 1)',
      rows: [
        { kind: 'group', key: 'constabulary' },
        { kind: 'group', key: 'opcc' },
        { kind: 'group', key: 'grants' },
        { kind: 'group', key: 'other' },
        { kind: 'group', key: 'unassigned' },
        {
          kind: 'sum',
          key: 'total',
          label: 'TOTAL',
          rowType: 'total',
          areas: [],
          groups: ['constabulary', 'opcc', 'grants', 'other', 'unassigned'],
        },
      ],
    },
    {
      id: 'constabulary',
      title: 'Constabulary (as the summary at 4.1)',
      rows: [
        { kind: 'area', key: 'local-policing' },
        { kind: 'area', key: 'organisational-support' },
        { kind: 'area', key: 'collaboration' },
        {
          kind: 'sum',
          key: 'total-expenditure',
          label: 'Total Expenditure',
          rowType: 'subtotal',
          areas: ['local-policing', 'organisational-support', 'collaboration'],
        },
        { kind: 'area', key: 'income' },
        { kind: 'area', key: 'carry-forwards' },
        { kind: 'area', key: 'constabulary-reserves' },
        {
          kind: 'sum',
          key: 'total-constabulary-budget',
          label: 'TOTAL CONSTABULARY BUDGET',
          rowType: 'total',
          areas: CONSTABULARY_AREAS,
        },
      ],
    },
    {
      id: 'table-3',
      title: 'OPCC and corporate costs (as Table 3)',
      rows: [
        { kind: 'area', key: 'commissioner-and-staff' },
        { kind: 'area', key: 'supplies-and-services' },
        { kind: 'area', key: 'transfer-to-reserves' },
        {
          kind: 'sum',
          key: 'total-opcc',
          label: 'TOTAL OPCC',
          rowType: 'total',
          areas: [...OPCC_AREAS, 'transfer-to-reserves'],
        },
        { kind: 'area', key: 'corporate-costs-and-grants' },
        { kind: 'area', key: 'property-in-capital-financing-costs' },
        { kind: 'area', key: 'costs-of-surplus-properties' },
        { kind: 'area', key: 'corporate-reserves' },
        { kind: 'sum', key: 'total-grants', label: 'TOTAL', rowType: 'total', areas: GRANTS_AREAS },
      ],
    },
  ],
  departments: CARRY_FORWARD_DEPARTMENTS_2017_18,
};
