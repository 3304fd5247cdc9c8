import { describe, expect, test } from 'vitest';
import { EventLog } from './event-log.ts';
import type { StreamEvent } from './types.ts';

const fill = (log: EventLog, n: number): void => {
  for (let i = 0; i < n; i++)
    log.append(1_000 * i, { type: 'services.checked', checkedAt: new Date(1_000 * i).toISOString() });
};
const ids = (events: StreamEvent[]): number[] => events.map((e) => e.id);

describe('EventLog', () => {
  test('numbers events from 1, one by one, and stamps their time', () => {
    const log = new EventLog();
    fill(log, 3);
    const { events } = log.after(0);
    expect(ids(events)).toEqual([1, 2, 3]);
    expect(events[2]?.at).toBe('1970-01-01T00:00:02.000Z');
    expect(log.lastId).toBe(3);
  });

  test('returns exactly the events after an id, at most `limit`', () => {
    const log = new EventLog();
    fill(log, 10);
    expect(ids(log.after(6).events)).toEqual([7, 8, 9, 10]);
    expect(ids(log.after(2, 3).events)).toEqual([3, 4, 5]);
    expect(log.after(10)).toEqual({ events: [], lastEventId: 10, gap: false });
    // An id from the future (another life of the system) is not a gap: the host decides.
    expect(log.after(99)).toEqual({ events: [], lastEventId: 10, gap: false });
  });

  test('reports a gap once the events after an id have been dropped', () => {
    const log = new EventLog(5);
    fill(log, 23); // ids 19..23 are retained
    expect(log.after(18)).toEqual({ events: log.after(18, 5).events, lastEventId: 23, gap: false });
    expect(ids(log.after(18).events)).toEqual([19, 20, 21, 22, 23]);
    expect(log.after(17)).toEqual({ events: [], lastEventId: 23, gap: true });
    expect(log.after(0).gap).toBe(true);
  });

  test('calls subscribers with each event until they unsubscribe', () => {
    const log = new EventLog();
    const seen: number[] = [];
    const unsubscribe = log.subscribe((e) => seen.push(e.id));
    fill(log, 2);
    unsubscribe();
    fill(log, 2);
    expect(seen).toEqual([1, 2]);
  });

  test('refuses a retention below one event', () => {
    expect(() => new EventLog(0)).toThrow(RangeError);
  });
  test('retained(): exactly the events a reader can still page through, oldest first', () => {
    const log = new EventLog(4);
    expect(log.retained()).toEqual([]);
    fill(log, 7); // ids 1..7, of which the last 4 are retained (the buffer may hold more)
    expect(ids(log.retained())).toEqual([4, 5, 6, 7]);
    expect(log.retained()).toEqual(log.after(3, 10).events);
  });
});
