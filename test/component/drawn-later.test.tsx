// What a page draws after its first figures (issue 16: no main-thread task over 50 ms): the sections below them
// (Later) are rendered in a transition of their own, after the first paint; until then they say they are loading,
// so that a test or a print waiting for no "Loading" status never reads a part-drawn page.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Later } from '../../src/components/later';

describe('Later', () => {
  it('says it is loading in the first render, and draws everything it holds just after', async () => {
    render(
      <>
        <p>First figures</p>
        <Later>
          <p>Below them</p>
        </Later>
      </>,
    );
    expect(screen.getByText('First figures')).toBeTruthy();
    expect(screen.queryByText('Below them')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Loading…');
    expect(await screen.findByText('Below them')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
