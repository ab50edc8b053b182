// Frozen packs (sealed by SHA-256, reopened as they were) and the comparison of two packs.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { canonicalJson, hashOf } from '../../../../src/domain/core/canonical-json';
import { Money } from '../../../../src/domain/core/money';
import { comparePacks } from '../../../../src/domain/board-pack/pack-compare';
import {
  readSnapshot,
  samePack,
  sealSnapshot,
  verifySnapshot,
  SNAPSHOT_FORMAT,
} from '../../../../src/domain/board-pack/pack-snapshot';
import { paperRoadCasualtyInput } from '../../../../src/domain/papers/paper-2019-road-casualty';
import { scenarioToJson } from '../../../../src/domain/scenarios/scenario';
import type { JsonValue } from '../../../../src/domain/core/canonical-json';
import { SETTINGS, sampleFrozenTables, samplePack } from '../../helpers/sample-pack';

describe('canonical JSON and its hash', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ z: { y: 2, x: 1 }, u: undefined }, '{"z":{"x":1,"y":2}}'],
    [['£', 'é'], '["£","é"]'],
  ])('%j -> %s', (value, text) => {
    expect(canonicalJson(value as JsonValue)).toBe(text);
  });
  it('refuses a number JSON cannot spell (NaN)', () => {
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(RangeError);
  });
  it('hashes the canonical text as SHA-256 (checked against Node’s own)', () => {
    expect(hashOf({ b: 1, a: 2 })).toBe(createHash('sha256').update('{"a":2,"b":1}', 'utf8').digest('hex'));
  });
});

describe('a frozen pack', () => {
  const pack = samplePack();
  const inputs = {
    tables: sampleFrozenTables(),
    settings: SETTINGS,
    roadCasualty: { source: 'paper' as const },
    year: 2017,
    month: 12,
  };
  const snapshot = sealSnapshot({
    format: SNAPSHOT_FORMAT,
    id: 's1',
    name: 'July BCB',
    frozenAt: '2018-07-19T09:00:00.000Z',
    appVersion: 'test',
    inputs,
    pack,
  });

  it('is sealed by the SHA-256 of its canonical JSON, and reads back sound', () => {
    const { sha256, ...content } = snapshot;
    expect(sha256).toBe(
      createHash('sha256')
        .update(canonicalJson(content as unknown as JsonValue), 'utf8')
        .digest('hex'),
    );
    expect(verifySnapshot(snapshot)).toBe(true);
    expect(readSnapshot(JSON.parse(JSON.stringify(snapshot))).ok).toBe(true);
  });
  it('is refused when any figure has been altered since', () => {
    const altered = JSON.parse(JSON.stringify(snapshot).replace('"126252"', '"126253"')) as typeof snapshot;
    expect(verifySnapshot(altered)).toBe(false);
    const read = readSnapshot(altered);
    expect(read.ok).toBe(false);
    expect(read.ok ? [] : read.issues.map((i) => i.code)).toEqual(['snapshot-hash']);
    expect(read.ok ? '' : read.issues.map((i) => i.message).join(' ')).toMatch(/does not match its content/);
  });
  it('is the same pack as one drawn again from its inputs (whenever, by whichever version)', () => {
    expect(
      samePack(snapshot.pack, { ...samplePack(), producedAt: '2030-01-01T00:00:00.000Z', appVersion: 'later' }),
    ).toBe(true);
  });
});

describe('comparing two packs', () => {
  // After: the Capital Reserve drew 2,120 rather than 1,920 (closing 1,085 rather than 1,285), and the Road
  // Casualty projection uses a saved scenario whose low case has no inflow at all.
  const edited = sampleFrozenTables((file, text) =>
    file === 'table-5-reserves.csv'
      ? text.replace(
          'capital,Capital Reserve,item,"3,205",-,"(1,920)","1,285"',
          'capital,Capital Reserve,item,"3,205",-,"(2,120)","1,085"',
        )
      : text,
  );
  const rc = paperRoadCasualtyInput();
  const scenario = scenarioToJson({
    id: 'low-nil',
    name: 'Low case nil',
    savedAt: '2019-04-04T00:00:00.000Z',
    inputs: {
      roadCasualty: {
        ...rc,
        inflowCases: {
          ...rc.inflowCases,
          low: { id: 'low', source: { kind: 'direct', amount: new Money(0) }, overrides: [] },
        },
      },
      mtfs: {
        firstYear: 2018,
        horizonYears: 4,
        netRevenueBudget: [],
        generalReserveFloorPercent: new Money(3),
        movements: [],
      },
    },
  });
  const before = samplePack();
  const after = samplePack({ tables: edited, roadCasualty: { source: 'scenario', scenario: scenario as JsonValue } });
  const result = comparePacks(before, after, new Money(100_000));

  it('lists the figures that moved by more than £100k, exactly: the Capital Reserve closes £200k lower', () => {
    expect(edited.find((t) => t.file === 'table-5-reserves.csv')!.rows.some((r) => r.cells[5] === '(2,120)')).toBe(
      true,
    );
    expect(result.moved).toContainEqual(
      expect.objectContaining({
        rowLabel: 'Capital Reserve',
        column: 'Closing balance',
        before: '1285000',
        after: '1085000',
        change: '-200000',
      }),
    );
  });
  it('leaves out a move of exactly the threshold (it must be more than it)', () => {
    const at200 = comparePacks(before, after, new Money(200_000));
    expect(at200.moved.some((m) => m.rowLabel === 'Capital Reserve')).toBe(false);
  });
  it('finds the new reds: the low case now falls below zero (2022/23), and Table 5 no longer casts', () => {
    expect(result.newReds).toContainEqual(
      expect.objectContaining({
        row: 'low',
        column: 'Below zero',
        before: { icon: '✓', text: 'Not crossed', level: 'green' },
        after: { icon: '▼', text: '2022/23', level: 'red' },
      }),
    );
    expect(result.newReds.some((r) => r.rowLabel === 'Table 5: Reserves position' && r.after.level === 'red')).toBe(
      true,
    );
  });
  it('lists every reserve balance that changed, and only those: the Capital Reserve, 1,285 to 1,085', () => {
    expect(result.reserveChanges).toEqual([
      expect.objectContaining({ reserve: 'Capital Reserve', closingChange: '-200000' }),
    ]);
    expect(result.reserveChanges[0]!.before?.closing).toBe('1285000');
    expect(result.reserveChanges[0]!.after?.closing).toBe('1085000');
  });
  it('finds nothing between a pack and itself', () => {
    expect(comparePacks(before, before, new Money(0))).toEqual({
      threshold: '0',
      moved: [],
      newReds: [],
      reserveChanges: [],
    });
  });
});
