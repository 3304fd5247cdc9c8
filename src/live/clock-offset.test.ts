import { expect, test } from 'vitest';
import { ClockOffset } from './clock-offset.ts';

const t = (ms: number) => new Date(ms).toISOString();

test('a late message shows its real age; skew between the clocks is taken out', () => {
  const offset = new ClockOffset();
  // The browser's clock is 5 s ahead; messages normally take 20–40 ms.
  offset.sample(t(1_000), 6_030);
  offset.sample(t(2_000), 7_020);
  offset.sample(t(3_000), 8_040);
  expect(offset.toClient(t(3_000))).toBe(8_020);
  // A message 2.8 s late: its data was true at 9 020 by the browser's clock, not at arrival.
  offset.sample(t(4_000), 11_800);
  expect(offset.toClient(t(4_000))).toBe(9_020);
});

test('only recent samples count, so a jump of the server clock is learned', () => {
  const offset = new ClockOffset(3);
  offset.sample(t(1_000), 1_010);
  for (let i = 0; i < 3; i++) offset.sample(t(100_000 + i), 2_000 + i); // the server clock jumped 98 s ahead
  expect(offset.toClient(t(100_000))).toBe(2_000);
});

test('no sample, no estimate', () => {
  expect(new ClockOffset().toClient(t(1))).toBeNull();
});
