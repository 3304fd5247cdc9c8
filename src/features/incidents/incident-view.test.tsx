import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { incidentSchema, timelineSchema } from '../../../contract/store-schemas.ts';
import { call, declare } from '../../../store/test-support.ts';
import { renderWarRoom, resetWarRoomClient, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../testing/war-room-store.tsx';
import { actorActions } from '../../warroom/actor.ts';
import { OpenIncidents } from './open-incidents.tsx';

const startStore = warRoomStoreFactory();

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetWarRoomClient();
});

const stored = async (store: WarRoomTestStore, id: string) =>
  incidentSchema.parse((await call(store.api(`/incidents/${id}`))).body);
const storedTimeline = async (store: WarRoomTestStore, id: string) =>
  timelineSchema.parse((await call(store.api(`/incidents/${id}/timeline`))).body).events;

/** An incident declared elsewhere, opened on this dashboard. */
async function openDeclared(store: WarRoomTestStore, severity: 'P0' | 'P2' = 'P0') {
  const incident = await declare(store, { severityScheme: 'P0-P3', severity, title: 'Binance feed silent' });
  actorActions.nameChosen('sam');
  const rendered = renderWarRoom(<OpenIncidents />, store);
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: `${incident.id} Binance feed silent` }));
  const view = await screen.findByRole('region', { name: `Incident ${incident.id}` });
  return { incident, view, user, rendered };
}

describe('the incident view', () => {
  test('acknowledging, once, by name', async () => {
    const store = await startStore();
    const { incident, view, user } = await openDeclared(store);
    await user.click(within(view).getByRole('button', { name: 'Acknowledge' }));
    expect(await within(view).findByText('Acknowledged by sam')).toBeInTheDocument();
    expect(within(view).queryByRole('button', { name: 'Acknowledge' })).not.toBeInTheDocument();
    await vi.waitFor(async () => expect((await stored(store, incident.id)).acknowledgedBy).toBe('sam'));
    const timeline = within(view).getByRole('region', { name: 'Timeline' });
    expect(await within(timeline).findByText(/sam acknowledged the incident/)).toBeInTheDocument();
    expect(within(view).getByRole('listitem', { name: 'Acknowledge' })).toHaveTextContent('Acknowledge met');
  });

  test('status moves forward, may skip, and a resolved incident can be reopened', async () => {
    const store = await startStore();
    const { incident, view, user } = await openDeclared(store);
    const status = within(view).getByRole('group', { name: 'Status' });
    expect(within(status).getByRole('button', { name: 'Investigating' })).toBeDisabled();
    await user.click(within(status).getByRole('button', { name: 'Identified' }));
    await vi.waitFor(() =>
      expect(within(status).getByRole('button', { name: 'Identified' })).toHaveAttribute(
        'aria-pressed',
        'true',
      ),
    );
    await user.click(within(status).getByRole('button', { name: 'Resolved' }));
    await user.click(await within(status).findByRole('button', { name: 'Reopen' }));
    await vi.waitFor(async () => {
      const events = await storedTimeline(store, incident.id);
      expect(events.filter((e) => e.type === 'incident.status-changed').map((e) => e.text)).toEqual([
        'INVESTIGATING → IDENTIFIED',
        'IDENTIFIED → RESOLVED',
        'reopened: RESOLVED → INVESTIGATING',
      ]);
    });
    expect(await within(status).findByRole('button', { name: 'Identified' })).toBeEnabled();
  });

  test('roles are given and taken back by name', async () => {
    const store = await startStore();
    const { incident, view, user } = await openDeclared(store);
    await user.type(within(view).getByLabelText('Incident commander'), 'sam');
    await user.click(within(view).getByRole('button', { name: 'Set Incident commander' }));
    await user.type(within(view).getByLabelText('Scribe'), 'lee');
    await user.click(within(view).getByRole('button', { name: 'Set Scribe' }));
    await vi.waitFor(async () =>
      expect((await stored(store, incident.id)).roles).toEqual({
        commander: 'sam',
        scribe: 'lee',
        communications: null,
      }),
    );
    await user.clear(within(view).getByLabelText('Scribe'));
    await user.click(within(view).getByRole('button', { name: 'Set Scribe' }));
    await vi.waitFor(async () => expect((await stored(store, incident.id)).roles.scribe).toBeNull());
    expect(within(view).getByLabelText('Incident commander')).toHaveValue('sam');
  });

  test('notes go on the timeline, attributed and in order; an empty one is explained', async () => {
    const store = await startStore();
    const { view, user } = await openDeclared(store);
    const form = within(view).getByRole('form', { name: 'Add a note' });
    await user.click(within(form).getByRole('button', { name: 'Add note' }));
    expect(within(form).getByText('Write the note first.')).toBeInTheDocument();
    for (const text of ['websocket returns 503', 'failing over to the backup feed']) {
      await user.type(within(form).getByLabelText('Note'), text);
      await user.click(within(form).getByRole('button', { name: 'Add note' }));
    }
    const timeline = within(view).getByRole('region', { name: 'Timeline' });
    await vi.waitFor(() => {
      const lines = within(timeline)
        .getAllByRole('listitem')
        .map((li) => li.textContent);
      expect(lines).toHaveLength(3);
      expect(lines[0]).toMatch(
        /^\d\d:\d\d:\d\d Declared P0 system-crash declared: Binance feed silent — dana$/,
      );
      expect(lines[1]).toMatch(/^\d\d:\d\d:\d\d Note websocket returns 503 — sam$/);
      expect(lines[2]).toMatch(/Note failing over to the backup feed — sam$/);
    });
  });

  test('timers count down and turn red when overdue, on the fake clock', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const store = await startStore();
    const { view } = await openDeclared(store); // EAFIX P0: acknowledge 5 min, respond 15, update 30
    const ack = within(view).getByRole('listitem', { name: 'Acknowledge' });
    expect(ack).toHaveTextContent(/Acknowledge in 4 min 5\d s|Acknowledge in 5 min 00 s/);
    expect(ack.firstElementChild).toHaveAttribute('data-state', 'running');

    vi.setSystemTime(Date.now() + 5 * 60_000 + 2000);
    // The views re-read the clock once a second (real intervals: only Date is faked).
    await vi.waitFor(() => expect(ack).toHaveTextContent(/Acknowledge overdue \d\.\d s/), { timeout: 5000 });
    expect(ack.firstElementChild).toHaveAttribute('data-state', 'overdue');
    expect(ack.firstElementChild).toHaveClass('text-red-400');
    expect(within(view).getByRole('listitem', { name: 'Respond' })).toHaveTextContent(
      /Respond in 9 min 5\d s/,
    );

    vi.setSystemTime(Date.now() + 30 * 60_000);
    const row = screen.getByRole('button', { name: /Binance feed silent/ });
    // Real one-second intervals re-read the (fake) clock: leave room for a loaded machine.
    await vi.waitFor(
      () => expect(within(row).getByText(/^overdue/)).toHaveAttribute('data-state', 'overdue'),
      { timeout: 5000 },
    );
    await vi.waitFor(
      () =>
        expect(within(view).getByRole('listitem', { name: 'Escalate if no progress' })).toHaveTextContent(
          /overdue/,
        ),
      { timeout: 5000 },
    );
  });

  test('each message template is one click from the clipboard', async () => {
    const store = await startStore();
    // user-event puts its own clipboard in place of the browser's: read back what was copied.
    const { view, user } = await openDeclared(store);
    await user.click(within(view).getByRole('button', { name: 'Copy initial alert' }));
    expect(await navigator.clipboard.readText()).toMatch(
      /^\[INCIDENT\] P0 CRITICAL — INC-1: Binance feed silent\n/,
    );
    expect(await within(view).findByRole('button', { name: 'Copied ✓' })).toBeInTheDocument();
    await user.click(within(view).getByRole('button', { name: 'Copy status update' }));
    expect(await navigator.clipboard.readText()).toContain('[UPDATE] P0 CRITICAL');
    await user.click(within(view).getByRole('button', { name: 'Copy resolution notice' }));
    expect(await navigator.clipboard.readText()).toContain('DRAFT — the incident is not resolved yet.');
  });

  test('the post-mortem downloads as Markdown with the timeline', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (b: Blob) => (blobs.push(b), 'blob:pm'),
        revokeObjectURL: () => {},
      }),
    );
    const store = await startStore();
    const { view, user } = await openDeclared(store);
    await user.type(within(view).getByLabelText('Note'), 'restarted | feed handler');
    await user.click(within(view).getByRole('button', { name: 'Add note' }));
    await within(within(view).getByRole('region', { name: 'Timeline' })).findByText(
      /restarted \| feed handler/,
    );
    await user.click(within(view).getByRole('button', { name: 'Export post-mortem (.md)' }));
    expect(blobs).toHaveLength(1);
    const markdown = await blobs[0]!.text();
    expect(markdown).toMatch(/^# Post-incident review: INC-1 — Binance feed silent/);
    expect(markdown).toMatch(/\| [\d-]+ [\d:]+ UTC \| sam \| Note: restarted \\\| feed handler \|/);
  });
});
