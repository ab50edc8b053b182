// A chart under a closed disclosure (issue 16: no main-thread task over 50 ms after the first figures): its title,
// sentence and table are drawn with the rest of the section, so the browser's find and a screen reader meet them;
// the drawing itself waits until the disclosure is first opened, and stays once drawn.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ChartFigure } from '../../src/components/chart-figure';
import { SectionDisclosure } from '../../src/components/section-disclosure';

const chart = (
  <ChartFigure
    title="Budget by area"
    summary="Spending is under budget."
    height={280}
    table={
      <table>
        <caption>The figures</caption>
        <tbody>
          <tr>
            <th scope="row">Budget</th>
            <td>1,547</td>
          </tr>
        </tbody>
      </table>
    }
  >
    <svg />
  </ChartFigure>
);

function page(hash = '') {
  return render(
    <MemoryRouter initialEntries={[`/revenue${hash}`]}>
      <SectionDisclosure id="charts" title="Charts" summary="Show the charts">
        {chart}
        <SectionDisclosure id="inner" level={4} title="More charts" summary="Show more">
          <ChartFigure title="Inner" summary="Inner sentence." height={100} table={<p>Inner table</p>}>
            <svg />
          </ChartFigure>
        </SectionDisclosure>
      </SectionDisclosure>
    </MemoryRouter>,
  );
}

const drawings = (container: HTMLElement) => container.querySelectorAll('.recharts-responsive-container');

describe('a chart under a disclosure', () => {
  it('is not drawn while its disclosure is closed, but its title, sentence and table are there', async () => {
    const { container } = page();
    const figure = (await screen.findByText('Spending is under budget.')).closest('figure')!;
    expect(within(figure).getByText('1,547')).toBeTruthy();
    expect(within(figure).getByRole('img', { hidden: true }).getAttribute('aria-label')).toBe(
      'Budget by area. Spending is under budget.',
    );
    expect(await screen.findByText('Inner table')).toBeTruthy();
    expect(drawings(container)).toHaveLength(0);
  });

  it('is drawn once its disclosure is opened, and stays drawn when it is closed again', async () => {
    const { container } = page();
    await screen.findByText('Inner table');
    const details = container.querySelector('details')!;
    details.open = true;
    fireEvent(details, new Event('toggle'));
    // (recharts' container draws nothing inside it in happy-dom, which has no layout: the container is the drawing.)
    await waitFor(() => expect(drawings(container)).toHaveLength(1));
    // The inner disclosure is still closed: its chart waits for it.
    expect(
      screen.getByText('Inner table').closest('figure')!.querySelector('.recharts-responsive-container'),
    ).toBeNull();
    details.open = false;
    fireEvent(details, new Event('toggle'));
    expect(drawings(container)).toHaveLength(1);
  });

  it('is drawn at once under a disclosure the address opens', async () => {
    const { container } = page('#charts');
    await waitFor(() => expect(drawings(container)).toHaveLength(1));
  });

  it('outside any disclosure, is drawn at once', () => {
    const { container } = render(chart);
    expect(drawings(container)).toHaveLength(1);
  });
});
