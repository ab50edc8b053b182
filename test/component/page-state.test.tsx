// PageState: a page's data for the chosen year drawn one way on every page: loading, failed, missing, or drawn.
import { render, screen } from '@testing-library/react';
import type { UseQueryResult } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PageState, QueryState } from '../../src/components/query-state';

type Model = { rows: number; missing: string[] };
const query = (q: Partial<UseQueryResult<Model>>) => q as UseQueryResult<Model>;
const pending = query({ isPending: true, isError: false });
const failed = query({ isPending: false, isError: true, error: new Error('The stored rows cannot be read.') });
const loaded = (missing: string[]) => query({ isPending: false, isError: false, data: { rows: 3, missing } });

function draw(q: UseQueryResult<Model>) {
  return render(
    <MemoryRouter>
      <PageState query={q} yearLabel="2018/19" what="the reserves position" missing={(m) => m.missing}>
        {(m) => <p>{m.rows} reserves</p>}
      </PageState>
    </MemoryRouter>,
  );
}

describe('PageState', () => {
  it('says what is loading, for which year', () => {
    draw(pending);
    expect(screen.getByRole('status').textContent).toBe('Loading the reserves position for 2018/19…');
  });

  it('says why a load failed, as an alert', () => {
    draw(failed);
    expect(screen.getByRole('alert').textContent).toBe('The stored rows cannot be read.');
  });

  it('says which kinds of file the year lacks, and links to Import, drawing nothing of the page', () => {
    draw(loaded(['a reserves position']));
    expect(screen.getByRole('status').textContent).toContain(
      'Nothing to show for 2018/19 yet: the reserves position needs a reserves position.',
    );
    expect(screen.getByRole('link', { name: /Import it on the Import page/ })).toBeTruthy();
    expect(screen.queryByText('3 reserves')).toBeNull();
  });

  it('draws the page when nothing is missing', () => {
    draw(loaded([]));
    expect(screen.getByText('3 reserves')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('leaves QueryState as it was: loading, error, then the children', () => {
    const { rerender } = render(<QueryState query={pending}>{() => <p>drawn</p>}</QueryState>);
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    rerender(<QueryState query={failed}>{() => <p>drawn</p>}</QueryState>);
    expect(screen.getByRole('alert').textContent).toBe('The stored rows cannot be read.');
    rerender(<QueryState query={loaded([])}>{() => <p>drawn</p>}</QueryState>);
    expect(screen.getByText('drawn')).toBeTruthy();
  });
});
