import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { savedPlaybookFixture } from '../../../contract/fixtures.ts';
import type { IncidentPolicy, SeverityTimers } from '../../../contract/schemas.ts';
import { checklistSchema } from '../../../contract/store-schemas.ts';
import type { IncidentDeclaration, Playbook } from '../../../contract/store-schemas.ts';
import { call, declare, write } from '../../../store/test-support.ts';
import { makeSim } from '../../testing/render-live.tsx';
import { profiled, renderSystems } from '../../testing/systems.ts';
import { resetWarRoomClient, WarRoomSync, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../testing/war-room-store.tsx';
import { actorActions } from '../../warroom/actor.ts';
import { ActiveChecklist } from './active-checklist.tsx';

const startStore = warRoomStoreFactory();

afterEach(() => {
  vi.unstubAllGlobals();
  resetWarRoomClient();
  window.history.replaceState(null, '', '/');
});

const timers: SeverityTimers = {
  acknowledgeMs: 300_000,
  respondMs: 300_000,
  updateEveryMs: null,
  escalateAfterMs: null,
};
const policy = (playbooks: string | null): IncidentPolicy => ({
  scheme: 'SEV1-SEV4',
  severities: [timers, timers, timers, timers],
  playbooks,
});

// A sixth system's own runbook, imported, and one written for any desk.
const runbook = (id: string, system: string, title: string): Playbook => ({
  ...structuredClone(savedPlaybookFixture.playbook),
  id,
  system,
  title,
  incidentTypes: ['exchange-outage'],
});
const deskRunbook = runbook('import-desk-7-venue-down', 'desk-7', 'Desk 7: a venue is down');
const anyRunbook = runbook('import-any-venue-down', 'generic', 'Any desk: a venue is down');

/** The board showing `onScreen`, with an incident declared as given and both runbooks saved. */
async function boardWith(
  store: WarRoomTestStore,
  incident: Partial<IncidentDeclaration>,
  onScreen = 'desk-7',
) {
  for (const playbook of [deskRunbook, anyRunbook])
    await write(store.api(`/playbooks/${playbook.id}`), 'PUT', {
      playbook,
      actor: 'ana',
      baseRevision: null,
    });
  const declared = await declare(store, { type: 'exchange-outage', ...incident });
  const system = (id: string, name: string, incidents: IncidentPolicy) => {
    const sim = makeSim();
    profiled(sim.sim, { id, name, incidents });
    return { id, sim };
  };
  window.history.replaceState(null, '', `/?system=${onScreen}`);
  renderSystems(
    <>
      <WarRoomSync />
      <ActiveChecklist />
    </>,
    [system('desk-7', 'Desk 7', policy('desk-7')), system('lab', 'Lab', policy(null))],
    { config: { storeBaseUrl: store.baseUrl } },
  );
  return declared;
}

const checklistIn = async (store: WarRoomTestStore, id: string) =>
  checklistSchema.parse((await call(store.api(`/incidents/${id}/checklist`))).body);

describe('the playbook an incident is offered', () => {
  test('is one of its system’s own, when the system’s policy names them', async () => {
    const store = await startStore();
    const { id } = await boardWith(store, { systemId: 'desk-7' });
    actorActions.nameChosen('sam');
    const suggested = await screen.findByRole('group', { name: 'Suggested playbook' });
    // Not the library's HFT playbook, nor the runbook for any desk: Desk 7's own.
    await vi.waitFor(() => expect(suggested).toHaveTextContent('Suggested: Desk 7: a venue is down'));
    // The checklist says which system's incident it is for.
    expect(screen.getByText(new RegExp(`^${id} \\(Desk 7\\) declared`))).toBeInTheDocument();
    await userEvent.click(within(suggested).getByRole('button', { name: 'Use this playbook' }));
    expect(await screen.findByRole('heading', { name: deskRunbook.title })).toBeInTheDocument();
    await vi.waitFor(async () => expect((await checklistIn(store, id)).playbookId).toBe(deskRunbook.id));
  });

  test('none, said so, when none of its system’s playbooks answers the incident’s type', async () => {
    const store = await startStore();
    await boardWith(store, { systemId: 'desk-7', type: 'database' });
    expect(
      await screen.findByText('None of Desk 7’s playbooks (desk-7) answers this incident type: choose one.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Suggested playbook' })).not.toBeInTheDocument();
  });

  test('any, as before, for a system whose policy names none', async () => {
    const store = await startStore();
    await boardWith(store, { systemId: 'lab' }, 'lab');
    const suggested = await screen.findByRole('group', { name: 'Suggested playbook' });
    // As today: the library's first that answers the type, after a saved runbook for it.
    await vi.waitFor(() => expect(suggested).toHaveTextContent(/^Suggested: Any desk: a venue is down/));
  });
});
