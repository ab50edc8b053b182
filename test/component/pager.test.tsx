// The pager of a long list: where the reader is, counted with thousands separators, and buttons that move a page.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Pager } from '../../src/components/pager';

describe('the pager', () => {
  it('says where the reader is in thousands, and moves by a page, to the first and to the last', async () => {
    const user = userEvent.setup();
    const onOffset = vi.fn();
    render(<Pager noun="lines" offset={100} limit={100} total={22_827} onOffset={onOffset} />);
    const nav = screen.getByRole('navigation', { name: 'Pages of lines' });
    expect(nav.textContent).toContain('Lines 101 to 200 of 22,827');
    await user.click(screen.getByRole('button', { name: 'Next page of lines' }));
    await user.click(screen.getByRole('button', { name: 'Previous page of lines' }));
    await user.click(screen.getByRole('button', { name: 'Last page of lines' }));
    await user.click(screen.getByRole('button', { name: 'First page of lines' }));
    // The last page starts at 22,800: 22,827 lines, 100 a page.
    expect(onOffset.mock.calls.map((c) => c[0] as number)).toEqual([200, 0, 22_800, 0]);
  });

  it('cannot go before the first page or past the last, and is not drawn for a list of one page', () => {
    const { rerender } = render(<Pager noun="lines" offset={0} limit={100} total={250} onOffset={() => undefined} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Previous page of lines' }).disabled).toBe(true);
    expect(screen.getByRole('navigation').textContent).toContain('Lines 1 to 100 of 250');
    rerender(<Pager noun="lines" offset={200} limit={100} total={250} onOffset={() => undefined} />);
    expect(screen.getByRole('navigation').textContent).toContain('Lines 201 to 250 of 250');
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Next page of lines' }).disabled).toBe(true);
    rerender(<Pager noun="lines" offset={0} limit={100} total={100} onOffset={() => undefined} />);
    expect(screen.queryByRole('navigation')).toBeNull();
  });
});
