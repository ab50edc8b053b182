// A page that says when its first figures are drawn (FirstFigures) keeps what sits under its disclosures (Later),
// and the queries those parts make, off the cores until then (issue 16, point 4): at a first start those queries
// competed with the first figures for the page's thread and with the sample's import for the machine's two cores.
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FirstFigures } from '../../src/components/first-figures';
import { Later } from '../../src/components/later';

function Page({ drawn }: { drawn: boolean }) {
  return (
    <>
      <Later>
        <p>Another part, on a page that does not say</p>
      </Later>
      <FirstFigures drawn={drawn}>
        <Later>
          <p>Under a disclosure</p>
        </Later>
      </FirstFigures>
    </>
  );
}

describe('Later, on a page that says when its first figures are drawn', () => {
  it('waits for them, then draws what it holds', async () => {
    const { rerender } = render(<Page drawn={false} />);
    // A Later that waits for nothing is drawn just after the first paint: by then the other would have been too.
    expect(await screen.findByText('Another part, on a page that does not say')).toBeTruthy();
    expect(screen.queryByText('Under a disclosure')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Loading…');

    rerender(<Page drawn={true} />);
    expect(await screen.findByText('Under a disclosure')).toBeTruthy();
    expect(screen.queryByRole('status')).toBeNull();
  });
});
