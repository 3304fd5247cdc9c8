import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checklistSchema } from '../../../contract/store-schemas.ts';
import type { IncidentType } from '../../../contract/store-schemas.ts';
import { call, declare, write } from '../../../store/test-support.ts';
import { resetCommands } from '../../controls/command-center.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive, testConfig } from '../../testing/render-live.tsx';
import { commander, viewer, warRoomServer } from '../../testing/war-room-session.ts';
import type { TestPerson } from '../../testing/war-room-session.ts';
import { resetWarRoomClient, WarRoomSync, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../testing/war-room-store.tsx';
import { actorActions } from '../../warroom/actor.ts';
import { outboxFor } from '../../warroom/outbox-store.ts';
import { ActiveChecklist } from './active-checklist.tsx';
import { resetStepCommands } from './step-commands.ts';
import { incidentSelectionActions } from '../../warroom/active-incident.ts';

const startStore = warRoomStoreFactory();
// The desk acts on the trading system directly, with the system's own credential; the dashboard
// goes through the war-room server as the signed-in person (warRoomServer).
const DESK_TOKEN = 'desk-token-0001';
const operators = [{ name: 'desk', token: DESK_TOKEN }];

let opened: WarRoomTestStore | null = null;
afterEach(async () => {
  // The store closes after this: the outbox delivers what it still holds first, rather than
  // have the close cut its requests off half-way.
  const store = opened;
  opened = null;
  if (store) await vi.waitFor(() => expect(outboxFor(store.baseUrl).snapshot().file.entries).toEqual([]));
  vi.useRealTimers();
  vi.unstubAllGlobals();
  resetCommands();
  resetStepCommands();
  resetWarRoomClient();
});

const storedChecklist = async (store: WarRoomTestStore, id: string) =>
  checklistSchema.parse((await call(store.api(`/incidents/${id}/checklist`))).body);

/**
 * The trading system takes a cancel-all and answers with a receipt, but (while `receiptOnly()`)
 * does not act on it: the command is accepted, never confirmed by the live state.
 */
const receiptWithoutEffect = (receiptOnly: () => boolean) =>
  http.post(`${testConfig.apiBaseUrl}/controls/venue-cancel-all`, ({ request }) => {
    if (!receiptOnly()) return;
    return HttpResponse.json({
      commandId: 'cmd-1',
      idempotencyKey: request.headers.get('idempotency-key'),
      controlId: 'venue-cancel-all',
      venueId: 'binance',
      outcome: 'accepted',
      operator: 'alice',
      receivedAt: new Date().toISOString(),
      expectedTradingState: null,
    });
  });

async function setUp(
  opts: { type?: IncidentType; playbookId?: string; venues?: string[]; signedIn?: TestPerson | null } = {},
) {
  const controls = { holdMs: 100, confirmDeadlineMs: 20_000, requestTimeoutMs: 4000 };
  const store = await startStore();
  opened = store;
  const incident = await declare(store, {
    type: opts.type ?? 'exchange-outage',
    title: 'Binance link down',
    affectedVenues: opts.venues ?? ['binance'],
  });
  if (opts.playbookId)
    await write(store.api(`/incidents/${incident.id}/checklist/playbook`), 'PUT', {
      playbookId: opts.playbookId,
      actor: 'dana',
    });
  actorActions.nameChosen('sam');
  const sim = makeSim();
  const rendered = renderLive(
    <>
      <WarRoomSync />
      <ActiveChecklist />
    </>,
    {
      sim,
      operators,
      handlers: warRoomServer({
        sim: sim.sim,
        storeBaseUrl: store.baseUrl,
        signedIn: opts.signedIn === undefined ? commander : opts.signedIn,
      }).handlers,
      config: { storeBaseUrl: store.baseUrl, controls },
    },
  );
  const panel = screen.getByRole('region', { name: 'Playbook checklist' });
  return { store, incident, panel, rendered, sim, user: userEvent.setup() };
}

describe('the playbook checklist', () => {
  test('with no active incident it says so', async () => {
    const store = await startStore();
    renderLive(
      <>
        <WarRoomSync />
        <ActiveChecklist />
      </>,
      { sim: makeSim(), config: { storeBaseUrl: store.baseUrl } },
    );
    expect(await screen.findByText(/No active incident/)).toBeInTheDocument();
  });

  test('suggests the exchange-outage playbook, chooses it, fills commands and ticks with who', async () => {
    // Signed out: who ticks is the name given in the incident panel.
    const { store, incident, panel, user } = await setUp({ signedIn: null });
    const suggestion = await within(panel).findByRole('group', { name: 'Suggested playbook' });
    expect(suggestion).toHaveTextContent('HFT: exchange outage');
    await user.click(within(suggestion).getByRole('button', { name: 'Use this playbook' }));
    expect(await within(panel).findByRole('heading', { name: 'HFT: exchange outage' })).toBeInTheDocument();
    expect(within(panel).getByLabelText('Playbook')).toHaveValue('hft-exchange-outage');
    await vi.waitFor(async () =>
      expect((await storedChecklist(store, incident.id)).playbookId).toBe('hft-exchange-outage'),
    );

    const stop = within(panel).getByRole('listitem', { name: /Stop every strategy/ });
    expect(stop).toHaveTextContent('./scripts/stop_strategies_by_exchange.sh binance');
    expect(within(stop).getByRole('button', { name: 'Copy command' })).toBeInTheDocument();

    await user.click(within(stop).getByRole('checkbox', { name: /Stop every strategy/ }));
    expect(await within(stop).findByText(/Ticked by sam at \d\d:\d\d:\d\d/)).toBeInTheDocument();
    await vi.waitFor(async () =>
      expect((await storedChecklist(store, incident.id)).ticks).toEqual([
        expect.objectContaining({ stepId: 'stop-strategies', tickedBy: 'sam' }),
      ]),
    );
  });

  test('the commander can switch to any playbook of the library', async () => {
    const { store, incident, panel, user } = await setUp({ playbookId: 'hft-exchange-outage' });
    const select = await within(panel).findByLabelText('Playbook');
    await vi.waitFor(() => expect(select).toHaveValue('hft-exchange-outage'));
    const other = within(select as HTMLSelectElement)
      .getAllByRole('option')
      .map((o) => (o as HTMLOptionElement).value)
      .find((v) => v !== '' && v !== 'hft-exchange-outage')!;
    await user.selectOptions(select, other);
    await vi.waitFor(async () => expect((await storedChecklist(store, incident.id)).playbookId).toBe(other));
  });

  test('the current phase is highlighted and a passed phase with unticked steps is overdue', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { panel } = await setUp({ playbookId: 'hft-exchange-outage' });
    const immediate = await within(panel).findByRole('region', { name: 'Immediate actions' });
    expect(immediate).toHaveAttribute('aria-current', 'step');
    expect(immediate).not.toHaveTextContent('Overdue');

    vi.setSystemTime(Date.now() + 7 * 60_000);
    // The view re-reads the clock once a second (a real interval: only Date is faked).
    await vi.waitFor(() => expect(immediate).toHaveTextContent('Overdue'), { timeout: 5000 });
    expect(immediate).not.toHaveAttribute('aria-current');
    const assessment = within(panel).getByRole('region', { name: 'Assessment' });
    expect(assessment).toHaveAttribute('aria-current', 'step');
    expect(assessment).toHaveTextContent('Current · minute 7');
    expect(assessment).not.toHaveTextContent('Overdue');
  });

  test('a control step fires its control and ticks itself only once it is confirmed', async () => {
    const { store, incident, panel, rendered } = await setUp({ playbookId: 'hft-exchange-outage' });
    const step = await within(panel).findByRole('listitem', { name: /Cancel all open orders/ });
    const box = within(step).getByRole('checkbox', { name: /Cancel all open orders/ });
    // The trading system takes the command, but its effect is not seen yet: accepted, not confirmed.
    let receiptOnly = true;
    server.use(receiptWithoutEffect(() => receiptOnly));
    fireEvent.click(within(step).getByRole('button', { name: 'Cancel all orders on binance' }));
    const status = await within(step).findByRole('status');
    await vi.waitFor(() => expect(status).toHaveAttribute('data-phase', 'accepted'));
    await act(() => new Promise((r) => setTimeout(r, 300)));
    expect(status).toHaveAttribute('data-phase', 'accepted');
    expect(box).not.toBeChecked();

    // Now the orders really go, and the live state shows it: confirmed, and the step ticks itself.
    receiptOnly = false;
    const direct = await fetch(`${testConfig.apiBaseUrl}/controls/venue-cancel-all`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DESK_TOKEN}`,
        'idempotency-key': 'desk-cancel-0001',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ reason: 'desk', venueId: 'binance' }),
    });
    expect(direct.ok).toBe(true);
    rendered.advance(100);
    await vi.waitFor(() => expect(status).toHaveAttribute('data-phase', 'confirmed'));
    await vi.waitFor(() => expect(box).toBeChecked());
    await vi.waitFor(async () =>
      expect((await storedChecklist(store, incident.id)).ticks).toEqual([
        // The signed-in person, not the name typed in the incident panel: the store names whoever the session is.
        expect.objectContaining({ stepId: 'cancel-open-orders', tickedBy: 'alice' }),
      ]),
    );
  });

  test('a step fired and then taken off screen still ticks itself when its command is confirmed', async () => {
    const { store, incident, panel, rendered } = await setUp({ playbookId: 'hft-exchange-outage' });
    const other = await declare(store, {
      type: 'system-crash',
      title: 'Engine restarted',
      affectedVenues: [],
    });
    act(() => incidentSelectionActions.incidentOpened(incident.id));
    const step = await within(panel).findByRole('listitem', { name: /Cancel all open orders/ });
    let receiptOnly = true;
    server.use(receiptWithoutEffect(() => receiptOnly));
    fireEvent.click(within(step).getByRole('button', { name: 'Cancel all orders on binance' }));
    await vi.waitFor(() =>
      expect(within(step).getByRole('status')).toHaveAttribute('data-phase', 'accepted'),
    );

    // The commander turns to the other incident: the step is no longer on screen.
    act(() => incidentSelectionActions.incidentOpened(other.id));
    await vi.waitFor(() =>
      expect(within(panel).queryByRole('listitem', { name: /Cancel all open orders/ })).toBeNull(),
    );

    // The orders go; the command is confirmed; the first incident's step is ticked all the same.
    receiptOnly = false;
    const direct = await fetch(`${testConfig.apiBaseUrl}/controls/venue-cancel-all`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DESK_TOKEN}`,
        'idempotency-key': 'desk-cancel-0002',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ reason: 'desk', venueId: 'binance' }),
    });
    expect(direct.ok).toBe(true);
    rendered.advance(100);
    await vi.waitFor(async () =>
      expect((await storedChecklist(store, incident.id)).ticks).toEqual([
        // The signed-in person, not the name typed in the incident panel: the store names whoever the session is.
        expect.objectContaining({ stepId: 'cancel-open-orders', tickedBy: 'alice' }),
      ]),
    );
    expect((await storedChecklist(store, other.id)).ticks).toEqual([]);
  });

  test('a step that resumes trading is held to the verification gate, like the control bar', async () => {
    const { panel, rendered, sim, user } = await setUp({
      type: 'system-crash',
      playbookId: 'hft-system-crash',
    });
    const halt = await fetch(`${testConfig.apiBaseUrl}/controls/halt`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${DESK_TOKEN}`,
        'idempotency-key': 'desk-halt-0001',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ reason: 'desk' }),
    });
    expect(halt.ok).toBe(true);
    rendered.advance(100);
    const step = await within(panel).findByRole('listitem', {
      name: /^Lift the kill switch and restart strategies/,
    });
    const resume = within(step).getByRole('button', { name: /^Resume trading/ });
    await vi.waitFor(() =>
      expect(step).toHaveTextContent(/0 of 5 verification checks ticked: resume from here once they pass/),
    );
    expect(resume).toHaveAttribute('aria-disabled', 'true');
    await user.click(resume);
    rendered.advance(500);
    expect(sim.sim.snapshot().tradingState.state).toBe('HALTED');

    // Every verification step ticked (and stored): the step resumes, and says why it could.
    const checks = within(panel)
      .getAllByRole('listitem')
      .filter(
        (li) => within(li).queryByText('Verification', { selector: 'span' }) && li.querySelector('input'),
      );
    expect(checks).toHaveLength(5);
    for (const li of checks) await user.click(within(li).getAllByRole('checkbox')[0]!);
    await vi.waitFor(() => expect(resume).not.toHaveAttribute('aria-disabled'), { timeout: 3000 });
    await user.click(resume);
    rendered.advance(500);
    await vi.waitFor(() => expect(sim.sim.snapshot().tradingState).toMatchObject({ state: 'ACTIVE' }));
    expect(sim.sim.snapshot().tradingState.reason).toMatch(
      /playbook verification passed — HFT: system crash, 5 of 5 checks ticked/,
    );
  });

  test('a viewer sees what a control step fires, with nothing to press', async () => {
    const { panel } = await setUp({ playbookId: 'hft-exchange-outage', signedIn: viewer });
    const step = await within(panel).findByRole('listitem', { name: /Cancel all open orders/ });
    expect(await within(step).findByText('Cancel all orders on binance — view only')).toBeInTheDocument();
    expect(within(step).queryByRole('button', { name: /Cancel all orders/ })).not.toBeInTheDocument();
  });

  test('a venue named as the board shows it ("Binance", as the declare form records it) is acted on by its id', async () => {
    const { panel, rendered } = await setUp({ playbookId: 'hft-exchange-outage', venues: ['Binance'] });
    const step = await within(panel).findByRole('listitem', { name: /Cancel all open orders/ });
    const box = within(step).getByRole('checkbox', { name: /Cancel all open orders/ });
    // The board's venue list arrives with the stream; until then the name is all there is.
    fireEvent.click(await within(step).findByRole('button', { name: 'Cancel all orders on binance' }));
    const status = await within(step).findByRole('status');
    rendered.advance(100);
    await vi.waitFor(() => expect(status).toHaveAttribute('data-phase', 'confirmed'));
    await vi.waitFor(() => expect(box).toBeChecked());
  });
});
