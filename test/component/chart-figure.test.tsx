// The frame every on-screen chart shares: what a screen reader meets (a named figure, the drawing as one
// labelled image, the figures as a table) is set here once for every chart.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ChartFigure } from '../../src/components/chart-figure';

const table = (
  <table>
    <caption>The figures</caption>
    <tbody>
      <tr>
        <th scope="row">Budget</th>
        <td>1,547</td>
      </tr>
    </tbody>
  </table>
);

describe('ChartFigure', () => {
  it('captions the chart with its title and summary, labels the drawing with both, and keeps its table', () => {
    const { container } = render(
      <ChartFigure title="Budget by area" summary="Spending is under budget." height={280} table={table}>
        <svg />
      </ChartFigure>,
    );
    const figure = screen.getByRole('figure');
    expect(figure.className).toBe('chart');
    expect(figure.querySelector('figcaption strong')?.textContent).toBe('Budget by area');
    expect(figure.querySelector('figcaption .chart-summary')?.textContent).toBe('Spending is under budget.');
    const drawing = within(figure).getByRole('img');
    expect(drawing.className).toBe('chart-canvas');
    expect(drawing.getAttribute('aria-label')).toBe('Budget by area. Spending is under budget.');
    expect(within(figure).getByRole('table', { name: 'The figures' })).toBeTruthy();
    expect(figure.hasAttribute('aria-labelledby')).toBe(false);
    expect(container.querySelectorAll('figure')).toHaveLength(1);
  });

  it('shows a longer caption where given, while the drawing keeps the summary as its label', () => {
    render(
      <ChartFigure
        title="Forecast"
        summary="Forecast falls."
        caption="Forecast falls. The value axis does not start at zero."
        height={280}
        table={table}
      >
        <svg />
      </ChartFigure>,
    );
    const figure = screen.getByRole('figure');
    expect(figure.querySelector('.chart-summary')?.textContent).toBe(
      'Forecast falls. The value axis does not start at zero.',
    );
    expect(within(figure).getByRole('img').getAttribute('aria-label')).toBe('Forecast. Forecast falls.');
  });

  it('is named by its title alone when given a title id', () => {
    render(
      <ChartFigure
        title="Balance by case"
        summary="Every case stays above the floor."
        height={300}
        titleId="t1"
        table={table}
      >
        <svg />
      </ChartFigure>,
    );
    expect(screen.getByRole('figure', { name: 'Balance by case' })).toBeTruthy();
  });
});
