import { describe, expect, test } from 'vitest';
import { SignInThrottle } from './throttle.ts';

function throttle() {
  let now = 1_000_000;
  const t = new SignInThrottle({ now: () => now });
  return { t, pass: (ms: number) => (now += ms) };
}

const failTimes = (t: SignInThrottle, name: string, n: number) => {
  for (let i = 0; i < n; i++) t.failed(name);
};

describe('failed sign-ins, per name', () => {
  test('five in a row pause the name for 30 s; each further one doubles it, up to 5 minutes', () => {
    const { t, pass } = throttle();
    failTimes(t, 'dana', 4);
    expect(t.pausedFor('dana')).toBe(0);
    t.failed('dana');
    expect(t.pausedFor('dana')).toBe(30_000);
    pass(30_000);
    expect(t.pausedFor('dana')).toBe(0);
    t.failed('dana');
    expect(t.pausedFor('dana')).toBe(60_000);
    failTimes(t, 'dana', 10);
    expect(t.pausedFor('dana')).toBe(300_000);
  });

  test('only that name pauses, and a success clears its count', () => {
    const { t } = throttle();
    failTimes(t, 'dana', 5);
    expect(t.pausedFor('vic')).toBe(0);
    failTimes(t, 'vic', 4);
    t.succeeded('vic');
    failTimes(t, 'vic', 4);
    expect(t.pausedFor('vic')).toBe(0);
  });

  test('a name quiet for longer than the longest pause starts again from nothing', () => {
    const { t, pass } = throttle();
    failTimes(t, 'dana', 4);
    pass(5 * 60_000 + 1);
    t.failed('dana');
    expect(t.pausedFor('dana')).toBe(0);
  });

  test('it remembers a bounded number of names, forgetting the longest-quiet first', () => {
    let now = 0;
    const t = new SignInThrottle({ now: () => now, maxNames: 3 });
    for (const name of ['a', 'b', 'c', 'd']) failTimes(t, name, 5);
    now += 1;
    expect(t.pausedFor('a')).toBe(0);
    expect(t.pausedFor('d')).toBeGreaterThan(0);
  });
});
