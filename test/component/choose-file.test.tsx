// The Import page's file chooser says when a person starts choosing (the page then readies an import worker:
// src/api/use-import-flow.ts getReady), before the file itself comes.
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ChooseFile } from '../../src/features/import/choose-file';

describe('choosing a file', () => {
  it('says choosing has begun when the file dialog is opened, and gives the file when it comes', () => {
    const onFile = vi.fn();
    const onChoosing = vi.fn();
    render(<ChooseFile onFile={onFile} onChoosing={onChoosing} />);
    const input = screen.getByLabelText(/Choose a CSV file/);
    fireEvent.click(input);
    expect(onChoosing).toHaveBeenCalledTimes(1);
    expect(onFile).not.toHaveBeenCalled();
    const file = new File(['Amount\n1\n'], 'ledger.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onFile).toHaveBeenCalledWith(file);
  });

  it('says choosing has begun when a file is dragged over the page', () => {
    const onChoosing = vi.fn();
    const { container } = render(<ChooseFile onFile={vi.fn()} onChoosing={onChoosing} />);
    fireEvent.dragEnter(container.querySelector('.drop-zone')!);
    expect(onChoosing).toHaveBeenCalledTimes(1);
  });
});
