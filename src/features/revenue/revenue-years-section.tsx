import { memo } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { useRevenueYears } from '../../api/revenue-years';
import { yearLabel } from '../../api/year-choice';
import { summariseRevenueYears, yearSourceWords, type RevenueYearsRow } from '../../domain/revenue/revenue-years';
import { thousandsLabel, thousandsTooltip } from '../../components/chart-axis';
import { ChartFigure } from '../../components/chart-figure';
import { DataTable } from '../../components/data-table';
import { Thousands } from '../../components/money-cell';
import { QueryState } from '../../components/query-state';
import { toRevenueYearsChart } from './to-chart-revenue-years';

/**
 * Every year loaded side by side: budget and outturn by area, each year from its year-end outturn summary or,
 * without one, its P12 return (said for each year), as a chart with its figures as a table.
 */
function RevenueYearsSectionView() {
  const query = useRevenueYears();
  return (
    <QueryState query={query}>
      {(table) => {
        const chart = toRevenueYearsChart(table);
        const title = 'Budget and outturn by area, years loaded';
        return (
          <>
            <ul className="facts-line" aria-label="Where each year's figures come from">
              {table.years.map((y) => (
                <li key={y.year}>
                  {yearLabel(y.year)}: from {yearSourceWords(y)} ({y.datasets.join('; ')})
                  {y.illustrative ? ', illustrative' : ''}.
                </li>
              ))}
              {table.without.map((y) => (
                <li key={y}>
                  {yearLabel(y)}: not shown, it has neither a year-end outturn summary nor a P12 monitoring return.
                </li>
              ))}
            </ul>
            {table.years.length > 0 && (
              <ChartFigure
                title={title}
                summary={summariseRevenueYears(table)}
                height={Math.max(320, 48 + table.rows.length * (18 + 12 * table.years.length))}
                table={
                  <DataTable
                    caption={`${title}: the figures (£'000)`}
                    columns={[
                      { key: 'area', header: 'Area', cell: (r: RevenueYearsRow) => r.label },
                      ...table.years.flatMap((y, i) => [
                        {
                          key: `b${y.year}`,
                          header: `${yearLabel(y.year)} budget`,
                          numeric: true,
                          cell: (r: RevenueYearsRow) =>
                            r.figures[i] ? <Thousands value={r.figures[i].budget} /> : 'not given',
                        },
                        {
                          key: `o${y.year}`,
                          header: `${yearLabel(y.year)} outturn`,
                          numeric: true,
                          cell: (r: RevenueYearsRow) =>
                            r.figures[i] ? <Thousands value={r.figures[i].outturn} /> : 'not given',
                        },
                      ]),
                    ]}
                    rows={table.rows}
                    rowKey={(r) => r.key}
                  />
                }
              >
                <BarChart data={chart.points} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 16 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" tickFormatter={thousandsLabel} />
                  <YAxis type="category" dataKey="area" width={210} interval={0} tick={{ fontSize: 11 }} />
                  <Tooltip formatter={thousandsTooltip} />
                  <Legend />
                  {chart.series.map((s) => (
                    <Bar
                      key={s.key}
                      dataKey={s.key}
                      name={s.name}
                      fill={s.kind === 'budget' ? 'var(--chart-budget)' : 'var(--chart-outturn)'}
                      fillOpacity={1 - 0.35 * (s.index % 2)}
                      isAnimationActive={false}
                    />
                  ))}
                </BarChart>
              </ChartFigure>
            )}
          </>
        );
      }}
    </QueryState>
  );
}

/** Drawn again only when its own inputs change: not when the page around it re-renders (the years list read again
 * at the end of a first start, a query of another section settling), which redrew every section at once (issue 16). */
export const RevenueYearsSection = memo(RevenueYearsSectionView);
