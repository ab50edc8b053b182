// Scenarios on the Projections page: saved, opened, copied, compared, kept as decimal strings, and a damaged record listed.
// The Projections page against the sample files (msw) and an in-memory IndexedDB: see projections-harness.tsx.
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { openOutturnDb } from '../../src/storage/db';
import { rowOf, cells, renderPage, replace } from './projections-harness.tsx';

describe('ProjectionsPage: scenarios', () => {
  it('saves a scenario, opens it again after changes, copies it and compares it', async () => {
    const user = await renderPage();
    await replace(user, screen.getByLabelText('Scenario name'), 'Low inflow 100');
    await replace(user, screen.getByLabelText("Low case yearly inflow (£'000)"), '100');
    await user.click(screen.getByRole('button', { name: 'Save scenario' }));
    const saved = await screen.findByRole('table', { name: 'Saved scenarios' });
    await within(saved).findByRole('rowheader', { name: /Low inflow 100/ });
    expect(screen.getByText('Saved “Low inflow 100”.')).toBeTruthy();

    // Change the inputs, then compare what is on screen with the saved scenario.
    await replace(user, screen.getByLabelText("Low case yearly inflow (£'000)"), '250');
    expect(document.getElementById('scenario-state')!.textContent).toBe('Changed since it was saved');
    await user.selectOptions(screen.getByLabelText('Scenario B'), 'Low inflow 100 (saved)');
    const diffs = await screen.findByRole('table', { name: /Inputs that differ \(1;/ });
    expect(cells(rowOf(diffs, 'Low case inflow: yearly amount'))).toEqual(['Road Casualty Reserve', '250', '100']);
    expect(screen.getByRole('figure', { name: /Road Casualty Reserve, Central case: A and B/ })).toBeTruthy();

    // Open the saved one: its inputs come back.
    await user.click(screen.getByRole('button', { name: 'Open Low inflow 100' }));
    expect(screen.getByLabelText<HTMLInputElement>("Low case yearly inflow (£'000)").value).toBe('100');
    expect(document.getElementById('scenario-state')!.textContent).toBe('Saved');

    // Copy it from the list, then delete the original.
    await user.click(screen.getByRole('button', { name: 'Copy Low inflow 100' }));
    await within(screen.getByRole('table', { name: 'Saved scenarios' })).findByRole('rowheader', {
      name: /Low inflow 100 \(copy\)/,
    });
    await user.click(screen.getByRole('button', { name: 'Delete Low inflow 100' }));
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Saved scenarios' })).getAllByRole('row')).toHaveLength(2),
    );
    expect(screen.getByText('Deleted “Low inflow 100”.')).toBeTruthy();
  });

  it('keeps saved scenarios in IndexedDB with amounts as decimal strings', async () => {
    const user = await renderPage();
    await replace(user, screen.getByLabelText('Scenario name'), 'Stored');
    await user.click(screen.getByRole('button', { name: 'Save scenario' }));
    await screen.findByText('Saved “Stored”.');
    const db = await openOutturnDb();
    const [record] = await db.getAll('scenarios');
    expect(record?.name).toBe('Stored');
    expect((record?.roadCasualty as { openingBalance: unknown }).openingBalance).toBe('1582000');
  });

  it('lists a stored record that no longer reads as a scenario, and lets the user delete it', async () => {
    const db = await openOutturnDb();
    await db.put('scenarios', { id: 'broken', name: 'Old format', format: 0 });
    const user = await renderPage();
    const note = await screen.findByText(/Saved scenarios that can no longer be read/);
    const box = note.closest('div')!;
    expect(box.textContent).toContain('Old format: scenario.format: expected 1 or 2, found 0');
    await user.click(within(box).getByRole('button', { name: 'Delete Old format' }));
    await waitFor(() => expect(screen.queryByText(/Saved scenarios that can no longer be read/)).toBeNull());
    expect(await db.get('scenarios', 'broken')).toBeUndefined();
  });
});
