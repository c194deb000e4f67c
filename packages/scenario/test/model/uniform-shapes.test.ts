import { antimonyWorld } from '@stibium/market';
import { describe, expect, it } from 'vitest';
import { uniformShapes } from '../../src/model/parameter-tree.ts';
import { worldForRun } from '../../src/model/run-once.ts';

describe('uniformShapes', () => {
  it('copies plain data deeply, keeping every value, key order and array', () => {
    const data = { b: [1, { y: 'x', x: Infinity }], a: { t: true, n: null, z: -0.5 }, '2025': 3 };
    const copy = uniformShapes(data);
    expect(copy).toStrictEqual(data);
    expect(Object.keys(copy)).toEqual(Object.keys(data));
    expect(Object.keys(copy.b[1] as object)).toEqual(['y', 'x']);
    expect(copy).not.toBe(data);
    expect(copy.a).not.toBe(data.a);
    expect(copy.b).not.toBe(data.b);
    expect(copy.b[1]).not.toBe(data.b[1]);
  });

  it('leaves the calibrated world equal to itself', () => {
    const world = antimonyWorld();
    expect(uniformShapes(world)).toStrictEqual(world);
  });
});

describe('worldForRun', () => {
  it('gives the base world when a scenario sets nothing', () => {
    const scenario = { vintage: 'mcs2026', uncertainties: {}, overrides: {}, levers: {} } as unknown as Parameters<typeof worldForRun>[0];
    expect(worldForRun(scenario, 0)).toStrictEqual(antimonyWorld('mcs2026'));
  });
});
