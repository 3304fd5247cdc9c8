import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { incidentListSchema, timelineSchema } from '../../../contract/store-schemas.ts';
import { call, declare, write } from '../../../store/test-support.ts';
import { makeSim } from '../../testing/render-live.tsx';
import {
  renderWarRoom,
  resetWarRoomClient,
  storeDown,
  storeUp,
  warRoomStoreFactory,
} from '../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../testing/war-room-store.tsx';
import { actorActions } from '../../warroom/actor.ts';
import { incidentSelectionActions } from '../../warroom/active-incident.ts';
import { resetStoreLink } from '../../warroom/store-link.ts';
import { outboxFor, resetOutbox } from '../../warroom/outbox-store.ts';
import { warRoomWrites } from '../../warroom/writes.ts';
import { OpenIncidents } from './open-incidents.tsx';

const startStore = warRoomStoreFactory();

afterEach(() => {
  vi.unstubAllGlobals();
  resetWarRoomClient();
});

const timelineOf = async (store: WarRoomTestStore, id: string) =>
  timelineSchema.parse((await call(store.api(`/incidents/${id}/timeline`))).body).events;

async function declareInForm(user: ReturnType<typeof userEvent.setup>, title: string) {
  await user.click(screen.getByRole('button', { name: 'Declare incident' }));
  const form = screen.getByRole('form', { name: 'Declare an incident' });
  await user.type(within(form).getByLabelText('Title'), title);
  await user.selectOptions(within(form).getByLabelText('Severity'), 'P1');
  await user.selectOptions(within(form).getByLabelText('Type'), 'system-crash');
  await user.click(within(form).getByRole('button', { name: 'Declare incident' }));
}

describe('while the store is unreachable', () => {
  test('edits are kept across a reload, shown as unsynced, and delivered once when it is back', async () => {
    const store = await startStore();
    actorActions.nameChosen('dana');
    const first = renderWarRoom(<OpenIncidents />, store);
    const user = userEvent.setup();
    await screen.findByText('No open incidents.');

    storeDown(store);
    await declareInForm(user, 'Order gateway down');
    const view = await screen.findByRole('region', { name: 'Incident (not yet in the store)' });
    expect(screen.getByRole('button', { name: /Order gateway down/ })).toHaveTextContent(
      'not yet in the store',
    );
    // Declared offline, it already says which system it is about: the one the board speaks to.
    expect(screen.getByRole('button', { name: /Order gateway down/ })).toHaveTextContent(
      'Simulated trading system',
    );
    await user.click(within(view).getByRole('button', { name: 'Acknowledge' }));
    await user.type(within(view).getByLabelText('Note'), 'gateway pods crash-looping');
    await user.click(within(view).getByRole('button', { name: 'Add note' }));
    expect(within(view).getByText('Acknowledged by dana')).toBeInTheDocument();
    expect(
      within(view)
        .getByText(/gateway pods crash-looping/)
        .closest('li'),
    ).toHaveTextContent('(unsynced)');
    expect(
      await screen.findByText(/the store is unreachable; your edits are kept and will be sent once/),
    ).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent(/^3 unsynced — the store is unreachable/);

    // A reload: the page and its memory go; localStorage stays.
    first.unmount();
    resetOutbox();
    incidentSelectionActions.incidentClosed();
    renderWarRoom(<OpenIncidents />, store);
    expect(await screen.findByText('3 unsynced')).toBeInTheDocument();

    storeUp(store);
    await user.click(await screen.findByRole('button', { name: 'retry now' }));
    await vi.waitFor(() => expect(screen.queryByText(/unsynced/)).not.toBeInTheDocument(), { timeout: 3000 });
    const row = await screen.findByRole('button', { name: 'INC-1 Order gateway down' });
    expect(row).toHaveTextContent('P1 critical'); // RTES's P1-P4 scheme, the default
    const list = incidentListSchema.parse((await call(store.api('/incidents'))).body);
    expect(list.incidents).toHaveLength(1);
    expect(list.incidents[0]).toMatchObject({ acknowledgedBy: 'dana', severity: 'P1', systemId: 'sim' });
    expect((await timelineOf(store, 'INC-1')).map((e) => e.type)).toEqual([
      'incident.declared',
      'incident.acknowledged',
      'note',
    ]);
  });

  test('a reload with the store down still shows the incidents as last seen, said to be last known', async () => {
    const store = await startStore();
    const incident = await declare(store, { title: 'Gateway rejects orders' });
    const first = renderWarRoom(<OpenIncidents />, store);
    await screen.findByRole('button', { name: `${incident.id} Gateway rejects orders` });
    // What this browser read is kept (at most once a second).
    await vi.waitFor(
      () => expect(localStorage.getItem('warroom.snapshot')).toContain('Gateway rejects orders'),
      {
        timeout: 3000,
      },
    );

    // A reload while the store is down: the page and its memory go; localStorage stays.
    first.unmount();
    resetOutbox();
    resetStoreLink();
    incidentSelectionActions.incidentClosed();
    // While this page was away another viewer resolved the incident; then the store went down.
    await write(store.api(`/incidents/${incident.id}/status`), 'POST', { status: 'RESOLVED', actor: 'lee' });
    storeDown(store);
    renderWarRoom(<OpenIncidents />, store);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: `${incident.id} Gateway rejects orders` }));
    const view = await screen.findByRole('region', { name: `Incident ${incident.id}` });
    expect(view).toHaveTextContent('Gateway rejects orders');
    expect(view).toHaveTextContent(/· Investigating · declared/); // as last seen
    expect(
      screen.getByText(/^Last known as of \d\d:\d\d:\d\d: the war-room store has not answered/),
    ).toBeInTheDocument();

    // The store answers again: the feed catches up from where the kept list left off (the
    // resolution arrives), and the note goes.
    storeUp(store);
    await vi.waitFor(() => expect(screen.queryByText(/^Last known as of/)).not.toBeInTheDocument(), {
      timeout: 5000,
    });
    await vi.waitFor(() =>
      expect(screen.getByRole('region', { name: `Incident ${incident.id}` })).toHaveTextContent(
        /· Resolved · declared/,
      ),
    );
  });

  test('a write the store refuses is shown in words until dismissed', async () => {
    const store = await startStore();
    const incident = await declare(store);
    renderWarRoom(<OpenIncidents />, store);
    const user = userEvent.setup();
    await screen.findByRole('button', { name: `${incident.id} ${incident.title}` });
    act(() => void warRoomWrites(outboxFor(store.baseUrl)).changeStatus(incident.id, 'INVESTIGATING'));
    const refusal = await screen.findByRole('alert');
    expect(refusal).toHaveTextContent(/^The store refused a status change: .*INVESTIGATING/);
    await user.click(within(refusal).getByRole('button', { name: 'dismiss' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('automatic timeline events', () => {
  test('an alert that fires and clears while an incident is open is put on its timeline, once', async () => {
    const store = await startStore();
    const incident = await declare(store);
    const sim = makeSim();
    const { advance } = renderWarRoom(<OpenIncidents />, store, { sim });
    await screen.findByRole('button', { name: `${incident.id} ${incident.title}` });

    sim.sim.startScenario({ name: 'latency-degradation' });
    advance(12_000);
    await vi.waitFor(async () => {
      const fired = (await timelineOf(store, incident.id)).filter((e) => e.type === 'alert.fired');
      expect(fired.map((e) => e.details.alertId)).toContain('LatencyP99High');
    });
    sim.sim.stopScenario('latency-degradation');
    advance(60_000);
    await vi.waitFor(
      async () => {
        const events = await timelineOf(store, incident.id);
        expect(events.filter((e) => e.type === 'alert.cleared').map((e) => e.details.alertId)).toContain(
          'LatencyP99High',
        );
        const latency = events.filter((e) => e.details.alertId === 'LatencyP99High');
        expect(latency.map((e) => e.type)).toEqual(['alert.fired', 'alert.cleared']);
        expect(latency.every((e) => e.actor === 'system')).toBe(true);
      },
      { timeout: 3000 },
    );
  });
});
