import { describe, expect, test } from 'vitest';
import { ManualClock, ScaledClock } from './clock.ts';

describe('ManualClock', () => {
  test('moves only when told', () => {
    const clock = new ManualClock(1_000);
    expect(clock.now()).toBe(1_000);
    clock.advance(250);
    expect(clock.now()).toBe(1_250);
    clock.set(5_000);
    expect(clock.now()).toBe(5_000);
    expect(() => clock.advance(-1)).toThrow(RangeError);
  });
});

describe('ScaledClock', () => {
  const make = (speed?: number) => {
    let real = 100;
    const clock = new ScaledClock({ startMs: 1_000_000, speed, realNow: () => real });
    return { clock, wait: (ms: number) => (real += ms) };
  };

  test('runs at real speed by default and faster when asked', () => {
    const { clock, wait } = make();
    wait(500);
    expect(clock.now()).toBe(1_000_500);
    clock.setSpeed(10);
    wait(100);
    // What elapsed before the change is not rescaled.
    expect(clock.now()).toBe(1_001_500);
    expect(clock.speed).toBe(10);
  });

  test('stands still while paused and continues from there', () => {
    const { clock, wait } = make(2);
    wait(100);
    clock.pause();
    expect(clock.paused).toBe(true);
    wait(10_000);
    expect(clock.now()).toBe(1_000_200);
    clock.resume();
    wait(100);
    expect(clock.now()).toBe(1_000_400);
  });

  test('steps forward on demand, paused or not', () => {
    const { clock, wait } = make();
    clock.pause();
    clock.advance(60_000);
    expect(clock.now()).toBe(1_060_000);
    clock.resume();
    wait(1);
    expect(clock.now()).toBe(1_060_001);
  });

  test('refuses a speed that is not positive', () => {
    const { clock } = make();
    expect(() => clock.setSpeed(0)).toThrow(RangeError);
    expect(() => new ScaledClock({ startMs: 0, speed: -1 })).toThrow(RangeError);
  });
});
