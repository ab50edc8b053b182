import type { ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { useDrawnOnceOpen } from './disclosure-open';

interface ChartFigureProps {
  title: string;
  /** The sentence written from the figures: under the title, and read with it as the drawing's label. */
  summary: string;
  /** What the caption shows instead of the summary, when it says more (a note on the axis, say). */
  caption?: string;
  /** The drawing's height in pixels; its width follows the page. */
  height: number;
  /** An id for the title, when the figure is to be named by its title alone (aria-labelledby). */
  titleId?: string;
  /** The figures as a table: a chart is never the only source of its figures. */
  table: ReactNode;
  /** The recharts chart itself. */
  children: ReactNode;
}

/**
 * The frame every chart on screen shares: a figure with its title and summary sentence, the drawing as
 * one image to a screen reader (role img, labelled "title. summary", since an SVG's parts mean nothing
 * read one by one), sized to the page, and its data table beside it. The board pack's print chart has
 * its own frame (pack-chart.tsx): it is drawn at a fixed size for paper. Under a closed disclosure the drawing
 * waits until the disclosure is opened (its box keeps its height, so nothing moves); the title, the sentence and
 * the table are there at once, for the browser's find and for a screen reader.
 */
export function ChartFigure({ title, summary, caption, height, titleId, table, children }: ChartFigureProps) {
  const draw = useDrawnOnceOpen();
  return (
    <figure className="chart" aria-labelledby={titleId}>
      <figcaption>
        <strong id={titleId}>{title}</strong>
        <span className="chart-summary">{caption ?? summary}</span>
      </figcaption>
      <div className="chart-canvas" role="img" aria-label={`${title}. ${summary}`}>
        {draw ? (
          <ResponsiveContainer width="100%" height={height}>
            {children}
          </ResponsiveContainer>
        ) : (
          <div style={{ height }} />
        )}
      </div>
      {table}
    </figure>
  );
}
