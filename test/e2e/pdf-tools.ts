// Reading a printed PDF in the end-to-end tests with Debian's poppler-utils (pdfinfo, pdftotext, pdftoppm):
// the page count and size, each page's text, and each page rendered to PNG. .ci/run installs them;
// locally: apt-get install -y poppler-utils.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT')
      throw new Error(
        `${tool} is not installed: apt-get install -y poppler-utils (the end-to-end tests read the printed pack with it).`,
        { cause: error },
      );
    throw error;
  }
}

export interface PdfInfo {
  pages: number;
  /** e.g. "841.92 x 594.96 pts (A4)" */
  pageSize: string;
}

export function pdfInfo(file: string): PdfInfo {
  const text = run('pdfinfo', [file]);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(text)?.[1]);
  const pageSize = /^Page size:\s+(.+)$/m.exec(text)?.[1]?.trim() ?? '';
  return { pages, pageSize };
}

/** The text of one page (1-based), laid out as printed. */
export function pdfPageText(file: string, page: number): string {
  return run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']);
}

/** Every page as a PNG in `dir` (prefix-01.png ...); returns their paths in page order. */
export function pdfToPngs(file: string, dir: string, prefix: string, dpi = 60): string[] {
  const mine = () => readdirSync(dir).filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'));
  for (const old of mine()) rmSync(join(dir, old)); // a longer pack printed before must not leave pages behind
  run('pdftoppm', ['-r', String(dpi), '-png', file, join(dir, prefix)]);
  return mine()
    .sort()
    .map((f) => join(dir, f));
}
