import { shownText, type BoardPack } from './board-pack';
import { packTables } from './board-pack-build';
import type { FrozenPosition } from './board-pack-monitoring';
import { canonicalJson, hashOf, type JsonValue } from '../core/canonical-json';
import type { Issue, Result } from '../core/result';

/*
 * A frozen board pack: the pack exactly as it was drawn, with everything it was drawn from (the rows of
 * every table as stored, which dataset and file each came from, the pack's settings, the Road Casualty
 * inputs) and the version of the app, sealed by a SHA-256 over all of it. Reopening shows the frozen pack
 * itself, so a later version of the app cannot change what the board saw; the inputs let the pack be
 * worked out again and compared.
 */

export const SNAPSHOT_FORMAT = 1;

/**
 * A table's rows as the import stored them (header cells, then each row's cells with its file line), named by the
 * dataset it was read from (id and SHA-256 of the file's bytes) and by the paper's table it stands for (`key`,
 * found by its shape and rows, whatever the file is called). Snapshots frozen before December 2026 have no key:
 * their `file` was the sample's file name, which is the same key.
 */
export interface FrozenTable {
  /** The paper's table it stands for (PAPER_2017_18's key); absent in older snapshots (see frozenTableKey). */
  key?: string;
  /** The file's name as imported: for the cover only, never to find the table. */
  file: string;
  datasetId: string;
  /** SHA-256 of the file's bytes as imported. */
  sha256: string;
  headers: readonly string[];
  rows: readonly { line: number; cells: readonly string[] }[];
  /**
   * How its columns were mapped at import: amount columns' units by header, and each mapped column's header by
   * canonical key (a file's own headers, "Balance b/fwd", read by what they were mapped to). Absent in snapshots
   * frozen before 5 December 2026: those read by the paper's headings, as they were drawn.
   */
  amounts?: Readonly<Record<string, 'thousands' | 'pounds'>>;
  mapped?: Readonly<Record<string, string>>;
}

/** The table a frozen table stands for: its key, or in an older snapshot its file name (then the same). */
export const frozenTableKey = (t: FrozenTable): string => t.key ?? t.file;

/**
 * The settings a pack was drawn with. Title and period are derived from the year and month (never typed by
 * hand); the organisation is the organisation's setting; only the subtitle is free text. Older snapshots kept
 * a title and period typed by the user, and are drawn with them.
 */
export interface PackSettings {
  title: string;
  organisation: string;
  period: string;
  /** A line under the title ("BCB 19 July 2018: draft 1"). */
  subtitle?: string;
  /** The saved scenario whose Road Casualty inputs the pack projects; null for the paper's case. */
  roadCasualtyScenarioId: string | null;
}

export interface PackInputs {
  tables: readonly FrozenTable[];
  settings: PackSettings;
  /** The Road Casualty inputs: the paper's case on the tables above, or a saved scenario (its stored JSON). */
  roadCasualty: { source: 'paper' } | { source: 'scenario'; scenario: JsonValue };
  /**
   * The financial year (first calendar year) and month the pack is as at. Absent in snapshots frozen before
   * December 2026, which are all 2017/18 at year end and are drawn with their own title and period.
   */
  year?: number;
  month?: number;
  /** A month's pack: the monitoring position as at the month (absent: a year-end pack). */
  position?: FrozenPosition;
  /**
   * A month's pack: true when it shows the year's capital and reserves (from `tables`, saying which the year has
   * not loaded). Absent in month packs frozen before December 2026, drawn as they were, with neither.
   */
  yearSections?: boolean;
}

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  id: string;
  name: string;
  /** ISO 8601. */
  frozenAt: string;
  appVersion: string;
  inputs: PackInputs;
  pack: BoardPack;
  /** SHA-256 (hex) of the canonical JSON of everything above. */
  sha256: string;
}

export type SnapshotContent = Omit<Snapshot, 'sha256'>;

/** The seal: SHA-256 of the canonical JSON of the snapshot without its own hash. */
function snapshotHash(content: SnapshotContent): string {
  return hashOf(content as unknown as JsonValue);
}

export function sealSnapshot(content: SnapshotContent): Snapshot {
  return { ...content, sha256: snapshotHash(content) };
}

/** Whether a snapshot is as it was frozen: its seal matches its content. */
export function verifySnapshot(snapshot: Snapshot): boolean {
  const { sha256, ...content } = snapshot;
  return snapshotHash(content) === sha256;
}

/** Whether two packs show the same thing (everything but when they were produced and by which version). */
export function samePack(a: BoardPack, b: BoardPack): boolean {
  const strip = (p: BoardPack) => canonicalJson({ ...p, producedAt: '', appVersion: '' } as unknown as JsonValue);
  return strip(a) === strip(b);
}

/**
 * Whether two packs print the same figures: every amount of every table, table by table and row by row. The
 * wording, charts and layout around them (how a long table is shared over pages) may differ (a later version
 * words a pack better); the figures may not.
 */
export function sameFigures(a: BoardPack, b: BoardPack): boolean {
  // A table shared over pages ("reconciliation-failures-1", "-2") is one list: how it is paged is layout.
  const amounts = (p: BoardPack) => {
    const lists = new Map<string, string[][]>();
    for (const [id, t] of packTables(p)) {
      const rows = t.rows.map((r) =>
        Object.entries(r.cells)
          .filter(([, c]) => c.kind === 'amount')
          .map(([k, c]) => `${r.label} ${k} ${shownText(c)}`),
      );
      const list = id.replace(/-\d+$/, '');
      lists.set(list, [...(lists.get(list) ?? []), ...rows]);
    }
    return [...lists];
  };
  return canonicalJson(amounts(a)) === canonicalJson(amounts(b));
}

/** A record not shaped like a snapshot, of another format, or altered since it was sealed. */
export type SnapshotIssueCode = 'snapshot-shape' | 'snapshot-format' | 'snapshot-hash';
export type SnapshotReadResult = Result<Snapshot, Issue<SnapshotIssueCode>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads a stored or imported snapshot record: its shape (enough to draw it) and its seal. A record that
 * fails is reported with what is wrong, never drawn as if it were sound.
 */
export function readSnapshot(value: unknown): SnapshotReadResult {
  const issues: Issue<SnapshotIssueCode>[] = [];
  const shape = (message: string) => issues.push({ code: 'snapshot-shape', message });
  if (!isObject(value))
    return { ok: false, issues: [{ code: 'snapshot-shape', message: 'snapshot: expected an object' }] };
  if (value.format !== SNAPSHOT_FORMAT)
    issues.push({
      code: 'snapshot-format',
      message: `snapshot.format: expected ${SNAPSHOT_FORMAT}, found ${JSON.stringify(value.format)}`,
    });
  for (const key of ['id', 'name', 'frozenAt', 'appVersion', 'sha256'] as const) {
    if (typeof value[key] !== 'string') shape(`snapshot.${key}: expected text`);
  }
  const pack = value.pack;
  if (!isObject(pack) || !Array.isArray(pack.pages) || typeof pack.title !== 'string')
    shape('snapshot.pack: expected a board pack with pages');
  const inputs = value.inputs;
  if (!isObject(inputs) || !Array.isArray(inputs.tables) || !isObject(inputs.settings))
    shape('snapshot.inputs: expected the tables and settings the pack was drawn from');
  if (isObject(inputs)) {
    const isPeriod = (v: unknown) =>
      v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 12);
    if (inputs.year !== undefined && (typeof inputs.year !== 'number' || !Number.isInteger(inputs.year)))
      shape('snapshot.inputs.year: expected a financial year');
    if (!isPeriod(inputs.month)) shape('snapshot.inputs.month: expected a month, 1 to 12');
    if (inputs.position !== undefined && (!isObject(inputs.position) || !Array.isArray(inputs.position.rows)))
      shape('snapshot.inputs.position: expected the monitoring position by area');
  }
  if (issues.length > 0) return { ok: false, issues };
  const snapshot = value as unknown as Snapshot;
  if (!verifySnapshot(snapshot))
    return {
      ok: false,
      issues: [
        {
          code: 'snapshot-hash',
          message: `snapshot “${snapshot.name}”: its SHA-256 does not match its content (it has been altered since it was frozen)`,
        },
      ],
    };
  return { ok: true, value: snapshot };
}
