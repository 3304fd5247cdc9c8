import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, passthrough } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checklistSchema } from '../../../contract/store-schemas.ts';
import { call, declare, write } from '../../../store/test-support.ts';
import { server } from '../../testing/msw-server.ts';
import { renderWarRoom, resetWarRoomClient, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../testing/war-room-store.tsx';
import { actorActions } from '../../warroom/actor.ts';
import { outboxFor } from '../../warroom/outbox-store.ts';
import { ActiveChecklist } from './active-checklist.tsx';
import { resetStepCommands } from './step-commands.ts';

// A tick names the playbook it was made in. Step ids repeat across the library (`scope` is a step
// of both hft-exchange-outage and hft-network-failure), so a tick still in the outbox when the
// incident's playbook is switched must neither look done in the new playbook nor be recorded
// there when it is finally delivered.

const startStore = warRoomStoreFactory();

afterEach(() => {
  resetStepCommands();
  resetWarRoomClient();
});

const storedChecklist = async (store: WarRoomTestStore, id: string) =>
  checklistSchema.parse((await call(store.api(`/incidents/${id}/checklist`))).body);

const choose = (store: WarRoomTestStore, incidentId: string, playbookId: string, actor: string) =>
  write(store.api(`/incidents/${incidentId}/checklist/playbook`), 'PUT', { playbookId, actor });

describe('a tick and its playbook', () => {
  test('a tick queued under one playbook is not shown under the next, and is refused in words when it arrives', async () => {
    const store = await startStore();
    const incident = await declare(store, {
      type: 'exchange-outage',
      title: 'Binance link down',
      affectedVenues: ['binance'],
    });
    await choose(store, incident.id, 'hft-exchange-outage', 'dana');
    actorActions.nameChosen('sam');
    // Ticks from this browser do not get through (its link to the store drops them); everything
    // else, the change feed and the other dashboard's writes included, does.
    let ticksGetThrough = false;
    server.use(
      http.put(store.api('/incidents/:incidentId/checklist/steps/:stepId'), () =>
        ticksGetThrough ? passthrough() : HttpResponse.error(),
      ),
    );
    renderWarRoom(<ActiveChecklist />, store);
    const outbox = outboxFor(store.baseUrl);
    const panel = screen.getByRole('region', { name: 'Playbook checklist' });
    const user = userEvent.setup();

    const scope = await within(panel).findByRole('listitem', { name: /^Establish the scope/ });
    await user.click(within(scope).getByRole('checkbox', { name: /^Establish the scope/ }));
    expect(within(scope).getByRole('checkbox', { name: /^Establish the scope/ })).toBeChecked();
    expect(scope).toHaveTextContent('Ticked by sam (sending…)');
    await vi.waitFor(() => expect(outbox.snapshot().status.problem).not.toBeNull());

    // Another dashboard switches the incident to the network-failure playbook, which has a
    // `scope` step of its own. The queued tick was not made there, so it is not shown there.
    await choose(store, incident.id, 'hft-network-failure', 'cy');
    const otherScope = await within(panel).findByRole('listitem', { name: /^Find out how many exchanges/ });
    expect(within(otherScope).getByRole('checkbox')).not.toBeChecked();
    expect(otherScope).not.toHaveTextContent('Ticked by');
    expect(outbox.snapshot().file.entries.map((e) => e.kind)).toEqual(['tick']);

    // The link comes back: the tick is delivered and refused, and the checklist says why in the
    // store's words.
    ticksGetThrough = true;
    act(() => outbox.kick());
    const refusal = await within(panel).findByRole('alert');
    expect(refusal).toHaveTextContent(
      `A tick was not recorded: ${incident.id} now follows hft-network-failure; this tick of scope was for hft-exchange-outage, so it was not recorded. Tick the step again in hft-network-failure if it applies there`,
    );
    expect(outbox.snapshot().file).toMatchObject({ entries: [], refused: [{ status: 409 }] });
    expect(within(otherScope).getByRole('checkbox')).not.toBeChecked();
    expect(await storedChecklist(store, incident.id)).toMatchObject({
      playbookId: 'hft-network-failure',
      ticks: [],
    });
    // Nor was it recorded for the playbook it was made in.
    await choose(store, incident.id, 'hft-exchange-outage', 'cy');
    expect((await storedChecklist(store, incident.id)).ticks).toEqual([]);

    await user.click(within(refusal).getByRole('button', { name: 'dismiss' }));
    expect(within(panel).queryByRole('alert')).toBeNull();
    expect(outbox.snapshot().file.refused).toEqual([]);
  });

  test('a tick sends the playbook shown, and is recorded for it', async () => {
    const store = await startStore();
    const incident = await declare(store, {
      type: 'exchange-outage',
      title: 'Binance link down',
      affectedVenues: ['binance'],
    });
    await choose(store, incident.id, 'hft-network-failure', 'dana');
    actorActions.nameChosen('sam');
    renderWarRoom(<ActiveChecklist />, store);
    const panel = screen.getByRole('region', { name: 'Playbook checklist' });
    const scope = await within(panel).findByRole('listitem', { name: /^Find out how many exchanges/ });
    await userEvent.setup().click(within(scope).getByRole('checkbox'));
    await vi.waitFor(() => expect(scope).toHaveTextContent(/Ticked by sam at \d\d:\d\d:\d\d/));
    expect(await storedChecklist(store, incident.id)).toMatchObject({
      playbookId: 'hft-network-failure',
      ticks: [expect.objectContaining({ stepId: 'scope', tickedBy: 'sam' })],
    });
  });
});
