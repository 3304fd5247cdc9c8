import { describe, expect, test } from 'vitest';
import type { ControlReceipt } from '../../contract/schemas.ts';
import { commandReducer, confirmationMs, needsResend, newCommand } from './command-machine.ts';
import type { Command, CommandEvent } from './command-machine.ts';

const receipt: ControlReceipt = {
  commandId: 'cmd-1',
  idempotencyKey: 'key-12345678',
  controlId: 'halt',
  venueId: null,
  outcome: 'accepted',
  operator: 'alice',
  receivedAt: '2026-01-05T10:00:00.100Z',
  expectedTradingState: 'HALTED',
};
const start = () =>
  newCommand({
    key: 'key-12345678',
    controlId: 'halt',
    scope: {},
    reason: 'INC-7',
    now: 1000,
    deadlineMs: 3000,
  });
const run = (...events: CommandEvent[]): Command => events.reduce(commandReducer, start());

describe('the command state machine', () => {
  test('sending → accepted → confirmed, with the time from gesture to confirmation', () => {
    const accepted = run({ type: 'attempted' }, { type: 'accepted', receipt, at: 1150 });
    expect(accepted).toMatchObject({ phase: 'accepted', acceptedAt: 1150, attempts: 1 });
    const confirmed = commandReducer(accepted, { type: 'observed', at: 1420 });
    expect(confirmed.phase).toBe('confirmed');
    expect(confirmationMs(confirmed)).toBe(420);
  });

  test('accepted is not confirmed: without the observed state it goes UNCONFIRMED at the deadline', () => {
    const c = run({ type: 'attempted' }, { type: 'accepted', receipt, at: 1150 }, { type: 'deadline' });
    expect(c.phase).toBe('unconfirmed');
    // …and a late observation still confirms it, with the true (long) time.
    const late = commandReducer(c, { type: 'observed', at: 9000 });
    expect(late.phase).toBe('confirmed');
    expect(confirmationMs(late)).toBe(8000);
  });

  test('accepted but never seen in effect: a second gesture re-sends the same command, same key', () => {
    const unconfirmed = run(
      { type: 'attempted' },
      { type: 'accepted', receipt, at: 1150 },
      { type: 'deadline' },
    );
    expect(needsResend(unconfirmed)).toBe(true);
    const resent = commandReducer(unconfirmed, { type: 'resent' });
    expect(resent).toMatchObject({ phase: 'retrying', key: unconfirmed.key });
  });

  test('a network error or 5xx means retrying, keeping the command (and so its key)', () => {
    const c = run(
      { type: 'attempted' },
      { type: 'transient', problem: 'no answer within 4 s' },
      { type: 'attempted' },
    );
    expect(c).toMatchObject({
      phase: 'retrying',
      attempts: 2,
      key: 'key-12345678',
      problem: 'no answer within 4 s',
    });
    expect(commandReducer(c, { type: 'accepted', receipt, at: 5000 })).toMatchObject({
      phase: 'accepted',
      problem: null,
    });
  });

  test('a retry that fails after the first attempt was accepted changes nothing', () => {
    const c = run({ type: 'accepted', receipt, at: 1100 }, { type: 'transient', problem: 'HTTP 502' });
    expect(c.phase).toBe('accepted');
    expect(c.problem).toBeNull();
  });

  test('a 4xx is final: rejected, with the reason', () => {
    const c = run(
      { type: 'attempted' },
      { type: 'rejected', problem: 'HTTP 403: operator token not allowed to halt' },
    );
    expect(c.phase).toBe('rejected');
    expect(commandReducer(c, { type: 'observed', at: 2000 }).phase).toBe('rejected');
  });

  test('giving up after retries is "failed", unless it had been accepted', () => {
    expect(
      run({ type: 'transient', problem: 'x' }, { type: 'gave-up', problem: 'no answer after 6 attempts' })
        .phase,
    ).toBe('failed');
    expect(run({ type: 'accepted', receipt, at: 1100 }, { type: 'gave-up', problem: 'x' }).phase).toBe(
      'accepted',
    );
  });

  test("the effect seen before the answer is not enough: confirmed when this command's receipt comes", () => {
    const seen = run({ type: 'attempted' }, { type: 'observed', at: 1300 });
    expect(seen).toMatchObject({ phase: 'sending', observedAt: 1300 });
    expect(commandReducer(seen, { type: 'accepted', receipt, at: 1500 })).toMatchObject({
      phase: 'confirmed',
      confirmedAt: 1500,
    });
  });

  test('a refusal wins over an effect seen: that effect was not this command', () => {
    const c = run({ type: 'observed', at: 1300 }, { type: 'rejected', problem: 'HTTP 403' });
    expect(c.phase).toBe('rejected');
  });

  test('no valid answer and the effect seen: still failed — it may have executed, nothing proves it was us', () => {
    const failed = run({ type: 'transient', problem: 'x' }, { type: 'gave-up', problem: 'no valid answer' });
    const seen = commandReducer(failed, { type: 'observed', at: 30_000 });
    expect(seen).toMatchObject({ phase: 'failed', observedAt: 30_000 });
    // A resend of the same key then gets the receipt (as a duplicate), and with it the proof.
    const resent = commandReducer(seen, { type: 'resent' });
    expect(resent.phase).toBe('retrying');
    expect(
      commandReducer(resent, { type: 'accepted', receipt: { ...receipt, outcome: 'duplicate' }, at: 31_000 })
        .phase,
    ).toBe('confirmed');
  });

  test('a control with nothing observable ends accepted, never confirmed and never loud', () => {
    const c = [
      { type: 'attempted' } as const,
      { type: 'accepted', receipt, at: 1100 } as const,
      { type: 'deadline' } as const,
      { type: 'observed', at: 1200 } as const,
    ].reduce(
      commandReducer,
      newCommand({
        key: 'k-12345678',
        controlId: 'maintenance-mode',
        scope: {},
        reason: 'r',
        now: 1000,
        deadlineMs: 3000,
        verifiable: false,
      }),
    );
    expect(c.phase).toBe('accepted');
  });

  test('a final command ignores everything after', () => {
    const confirmed = run({ type: 'accepted', receipt, at: 1200 }, { type: 'observed', at: 1300 });
    expect(commandReducer(confirmed, { type: 'deadline' })).toBe(confirmed);
    expect(commandReducer(confirmed, { type: 'transient', problem: 'x' })).toBe(confirmed);
  });
});
