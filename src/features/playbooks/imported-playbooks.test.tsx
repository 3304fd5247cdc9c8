import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { savedPlaybookFixture } from '../../../contract/fixtures.ts';
import { checklistSchema } from '../../../contract/store-schemas.ts';
import type { Playbook } from '../../../contract/store-schemas.ts';
import { call, declare, write } from '../../../store/test-support.ts';
import { renderWarRoom, resetWarRoomClient, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../testing/war-room-store.tsx';
import { actorActions } from '../../warroom/actor.ts';
import { useSavePlaybook } from '../../warroom/saved-playbooks.ts';
import { ActiveChecklist } from './active-checklist.tsx';

const startStore = warRoomStoreFactory();

afterEach(() => {
  vi.unstubAllGlobals();
  resetWarRoomClient();
});

const runbook: Playbook = structuredClone(savedPlaybookFixture.playbook);

/** What the import UI will do once its preview is accepted: save through the data layer's hook. */
function SaveRunbook({ playbook }: { playbook: Playbook }) {
  const save = useSavePlaybook();
  const [outcome, setOutcome] = useState('');
  return (
    <>
      <button
        type="button"
        onClick={() => void save(playbook, null).then((r) => setOutcome(r.ok ? 'saved' : r.error))}
      >
        Save runbook
      </button>
      <output>{outcome}</output>
    </>
  );
}

const storedChecklist = async (store: WarRoomTestStore, id: string) =>
  checklistSchema.parse((await call(store.api(`/incidents/${id}/checklist`))).body);

const checklistOf = (container: HTMLElement) =>
  within(within(container).getByRole('region', { name: 'Playbook checklist' }));

describe('imported playbooks', () => {
  test('one saved on one dashboard appears on another, under Imported, and can be followed there', async () => {
    const store = await startStore();
    const incident = await declare(store, { type: 'connectivity', affectedVenues: ['xnys'] });
    actorActions.nameChosen('sam');
    const first = renderWarRoom(
      <>
        <ActiveChecklist />
        <SaveRunbook playbook={runbook} />
      </>,
      store,
    );
    const second = renderWarRoom(<ActiveChecklist />, store);
    const user = userEvent.setup();
    const there = checklistOf(second.container);
    await there.findByLabelText('Playbook');
    expect(there.queryByRole('group', { name: 'Imported' })).not.toBeInTheDocument();

    await user.click(within(first.container).getByRole('button', { name: 'Save runbook' }));
    expect(await within(first.container).findByText('saved')).toBeInTheDocument();

    // The second dashboard hears of it on the change feed: listed apart from the library.
    const imported = await there.findByRole('group', { name: 'Imported' });
    expect(within(imported).getByRole('option', { name: runbook.title })).toHaveValue(runbook.id);
    expect(
      within(there.getByRole('group', { name: 'Library' })).queryByRole('option', { name: runbook.title }),
    ).toBeNull();

    await user.selectOptions(there.getByLabelText('Playbook'), runbook.id);
    expect(await there.findByRole('heading', { name: runbook.title })).toBeInTheDocument();
    expect(there.getByRole('region', { name: 'First minutes' })).toBeInTheDocument();
    expect(there.getByRole('listitem', { name: 'Wait for the venue to reopen' })).toBeInTheDocument();
    await vi.waitFor(async () =>
      expect((await storedChecklist(store, incident.id)).playbookId).toBe(runbook.id),
    );

    // And every viewer follows it: the first dashboard shows the imported playbook too, and a
    // tick made there reaches the second.
    const here = checklistOf(first.container);
    expect(await here.findByRole('heading', { name: runbook.title })).toBeInTheDocument();
    await user.click(here.getByRole('checkbox', { name: 'Open orders reconciled with NYSE' }));
    const step = there.getByRole('listitem', { name: 'Open orders reconciled with NYSE' });
    expect(await within(step).findByText(/Ticked by sam/)).toBeInTheDocument();
  });

  test('a dashboard opened later shows the imported playbook an incident follows', async () => {
    const store = await startStore();
    const incident = await declare(store);
    await write(store.api(`/playbooks/${runbook.id}`), 'PUT', {
      playbook: runbook,
      actor: 'ana',
      baseRevision: null,
    });
    await write(store.api(`/incidents/${incident.id}/checklist/playbook`), 'PUT', {
      playbookId: runbook.id,
      actor: 'ana',
    });
    const { container } = renderWarRoom(<ActiveChecklist />, store);
    const panel = checklistOf(container);
    expect(await panel.findByRole('heading', { name: runbook.title })).toBeInTheDocument();
    expect(panel.getByLabelText('Playbook')).toHaveValue(runbook.id);
    expect(panel.getByRole('region', { name: 'Before resuming' })).toBeInTheDocument();
  });

  test('a chosen playbook that is nowhere to be found is named, not replaced by a suggestion', async () => {
    const store = await startStore();
    const incident = await declare(store, { type: 'exchange-outage' });
    await write(store.api(`/incidents/${incident.id}/checklist/playbook`), 'PUT', {
      playbookId: 'import-deleted-runbook',
      actor: 'ana',
    });
    renderWarRoom(<ActiveChecklist />, store);
    expect(
      await screen.findByText(
        'This incident follows import-deleted-runbook, which is neither in the library nor saved in the store.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Suggested playbook' })).not.toBeInTheDocument();
  });
});
