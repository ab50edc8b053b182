// What a page draws after its first figures (issue 16: no main-thread task over 50 ms): the sections below them
// (Later) are rendered in a transition of their own, after the first paint.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Later } from '../../src/components/later';

describe('Later', () => {
  it('draws nothing in the first render, and everything it holds just after', async () => {
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
    expect(await screen.findByText('Below them')).toBeTruthy();
  });
});
