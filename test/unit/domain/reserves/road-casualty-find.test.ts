// Which reserve of a position is the Road Casualty fund (src/domain/reserves/road-casualty-reserve.ts): the paper's
// "Road Casualty Reduction & Support Fund" first, else a force's own name for it ("... Reserve"), never another.
import { describe, expect, it } from 'vitest';
import { keyOf } from '../../../../src/domain/checks/table-rows';
import { findRoadCasualtyReserve } from '../../../../src/domain/reserves/road-casualty-reserve';

const reserves = (...names: string[]) => names.map((label) => ({ key: keyOf(label), label }));

describe('findRoadCasualtyReserve', () => {
  it("finds the paper's fund by its name, before any other starting alike", () => {
    const found = findRoadCasualtyReserve(
      reserves('Road Casualty Prevention Reserve', 'Road Casualty Reduction & Support Fund', 'Insurance Reserve'),
    );
    expect(found?.label).toBe('Road Casualty Reduction & Support Fund');
  });

  it("finds a force's own name for it", () => {
    const found = findRoadCasualtyReserve(reserves('Insurance Reserve', 'Road Casualty Reduction & Support Reserve'));
    expect(found?.label).toBe('Road Casualty Reduction & Support Reserve');
  });

  it('finds none where no reserve is named for road casualties', () => {
    expect(findRoadCasualtyReserve(reserves('Insurance Reserve', 'Roads Policing Reserve'))).toBeUndefined();
  });
});
