// An import's progress on the Import page moves its progress line only: the list of what this browser keeps (the
// datasets, the set-aside records, the organisation) is not drawn again at each progress message. A large import
// sends up to ten a second, and each drew the whole list of datasets on the page's thread before (a task of about
// 15 ms with the sample's 27 datasets, 46 ms on a page at a third of the speed: bench/README.md, the twentieth stop).
// The flow is held in the test's hand (its step set directly), and the list's hook counted as it is called.
import 'fake-indexeddb/auto';
import { act, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type * as Datasets from '../../src/api/datasets';
import type { Step } from '../../src/api/use-import-flow';
import { ImportPage } from '../../src/features/import/import-page';
import { renderWithProviders } from './render-with-providers.tsx';

const hand = vi.hoisted(() => ({ setStep: null as ((step: Step) => void) | null, listDrawn: 0 }));

vi.mock('../../src/api/use-import-flow', () => ({
  useImportFlow: () => {
    const [step, setStep] = useState<Step>({ name: 'importing', file: new File(['x'], 'big.csv'), progress: null });
    hand.setStep = setStep;
    const nothing = () => undefined;
    const none = () => Promise.resolve();
    return {
      step,
      getReady: nothing,
      choose: none,
      acceptDuplicate: none,
      rechoose: none,
      start: none,
      cancel: nothing,
      reset: nothing,
    };
  },
}));

vi.mock('../../src/api/datasets', async (importOriginal) => {
  const real = await importOriginal<typeof Datasets>();
  return {
    ...real,
    useDatasets: () => {
      hand.listDrawn++;
      return real.useDatasets();
    },
  };
});

describe('ImportPage while importing', () => {
  it('moves the progress line at each message without drawing the list of datasets again', async () => {
    renderWithProviders(<ImportPage />);
    await screen.findByRole('heading', { name: 'Loaded in this browser' });
    await screen.findByText(/datasets, kept in this browser/);
    const drawnBefore = hand.listDrawn;
    const file = new File(['x'], 'big.csv');
    for (let i = 1; i <= 5; i++) {
      act(() =>
        hand.setStep!({
          name: 'importing',
          file,
          progress: { phase: 'importing', bytes: i * 10e6, totalBytes: 90e6, rows: i * 100_000 },
        }),
      );
      // 500,000 rows read at the fifth message: the line moved each time.
      expect(await screen.findByText(new RegExp(`${(i * 100_000).toLocaleString('en-GB')} rows read`))).toBeTruthy();
    }
    expect(hand.listDrawn).toBe(drawnBefore);
  });
});
