import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { checklistSchema, savedPlaybookSchema } from '../../../../contract/store-schemas.ts';
import { call, declare, write } from '../../../../store/test-support.ts';
import { importRunbook } from '../../../playbooks/import/import-runbook.ts';
import { renderWarRoom, resetWarRoomClient, warRoomStoreFactory } from '../../../testing/war-room-store.tsx';
import { actorActions } from '../../../warroom/actor.ts';
import { ActiveChecklist } from '../active-checklist.tsx';
import { RunbookImportDialog } from './runbook-import-dialog.tsx';

// A runbook of the corpus with front matter, an alert, bold-led branches, an if-step and a
// jump ("go to step 7"): the preview shows all of it before saving, the store keeps it, and the
// checklist shows the jump and marks the steps it passes over as skipped once it is taken.

const corpus: Record<string, string> = import.meta.glob('../../../playbooks/import/corpus/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const gateway = corpus['../../../playbooks/import/corpus/01-order-gateway-rejects.md'] ?? '';
const readHere = (text: string, name: string) => Promise.resolve(importRunbook(text, name));
const startStore = warRoomStoreFactory();

afterEach(() => {
  localStorage.clear();
  resetWarRoomClient();
  vi.unstubAllGlobals();
});

describe('branches, jumps, warnings and metadata of an imported runbook', () => {
  test('the preview shows them, the store keeps them', async () => {
    const store = await startStore();
    actorActions.nameChosen('riley');
    renderWarRoom(<RunbookImportDialog onClose={() => {}} importer={readHere} />, store);
    const user = userEvent.setup();
    fireEvent.change(screen.getByLabelText(/Paste a Markdown or plain-text runbook/), {
      target: { value: gateway },
    });
    await user.click(screen.getByRole('button', { name: 'Read runbook' }));
    const card = await screen.findByRole('article', {
      name: 'Imported playbook: Order gateway rejecting orders',
    });

    expect(within(card).getByText(/3 phases · 8 steps · 3 branches · 1 jump · SEV2/)).toBeInTheDocument();
    const warnings = within(card).getByRole('list', { name: 'Warnings shown above the checklist' });
    expect(warnings).toHaveTextContent('Warning: Never restart both gateway nodes at the same time');
    const metadata = within(card).getByLabelText('Metadata');
    expect(metadata).toHaveTextContent(/serviceorder-gateway/);
    expect(metadata).toHaveTextContent(/ownerExecution Platform team/);
    expect(within(card).getByText('Note: When to use this')).toBeInTheDocument();
    expect(within(card).getByText('Branch — when the count is 0:')).toBeInTheDocument();
    expect(
      within(card).getByText(
        /Goes to step 7 — Restart the gateway process on the drained node only \(Recover\): ticking it marks/,
      ),
    ).toBeInTheDocument();
    // Nothing of the HTML comment reaches the page.
    expect(card).not.toHaveTextContent(/Template v3/);

    await user.click(screen.getByRole('button', { name: 'Save 1 playbook' }));
    await screen.findByText(/Saved 1 playbook/);
    const { body } = await call(store.api('/playbooks'));
    const [saved] = savedPlaybookSchema.array().parse((body as { playbooks: unknown[] }).playbooks);
    expect(saved?.playbook).toMatchObject({
      metadata: { service: 'order-gateway', last_reviewed: '2026-08-14' },
      warnings: [expect.stringMatching(/^Warning: Never restart both/)],
    });
    expect(saved?.playbook.notes?.map((n) => n.title)).toEqual(['When to use this', 'Symptoms', 'Owners']);
  });

  test('the checklist shows the warning and the jump; taking it marks the steps passed over skipped', async () => {
    const store = await startStore();
    const result = importRunbook(gateway, 'gateway.md');
    if (!result.ok) throw new Error(result.error);
    const runbook = result.drafts[0]!.playbook;
    const incident = await declare(store, { type: 'connectivity' });
    await write(store.api(`/playbooks/${runbook.id}`), 'PUT', {
      playbook: runbook,
      actor: 'ana',
      baseRevision: null,
    });
    await write(store.api(`/incidents/${incident.id}/checklist/playbook`), 'PUT', {
      playbookId: runbook.id,
      actor: 'ana',
    });
    actorActions.nameChosen('sam');
    const { container } = renderWarRoom(<ActiveChecklist />, store);
    const panel = within(within(container).getByRole('region', { name: 'Playbook checklist' }));
    expect(await panel.findByRole('heading', { name: runbook.title })).toBeInTheDocument();
    expect(panel.getByRole('list', { name: 'Warnings of this playbook' })).toHaveTextContent(
      /Never restart both gateway nodes/,
    );
    const jump = panel.getByRole('listitem', { name: 'Go to step 7' });
    expect(within(jump).getByText(/Goes to step 7 — Restart the gateway process/)).toBeInTheDocument();
    expect(container.querySelectorAll('[data-skipped]')).toHaveLength(0);

    const user = userEvent.setup();
    await user.click(within(jump).getByRole('checkbox', { name: 'Go to step 7' }));
    // Steps 4 to 6 (the Mitigate phase, and the rest of step 3's other branch) are passed over.
    const skipped = () =>
      [...container.querySelectorAll('[data-skipped]')].map((e) => e.getAttribute('aria-label'));
    await vi.waitFor(() =>
      expect(skipped()).toEqual([
        'Move flow off the failing node by draining it',
        'Raise the throttle for the affected venue by 20% and watch the reject rate for two minutes.',
        'If rejects keep climbing, page the venue connectivity on-call.',
        'Page the venue connectivity on-call',
      ]),
    );
    expect(within(panel.getByRole('region', { name: 'Mitigate' })).getAllByText('Skipped')).toHaveLength(4);
    // The target and what follows are not skipped; the tick is the store's.
    expect(panel.getByRole('listitem', { name: /^Restart the gateway process/ })).not.toHaveAttribute(
      'data-skipped',
    );
    await vi.waitFor(async () => {
      const checklist = checklistSchema.parse(
        (await call(store.api(`/incidents/${incident.id}/checklist`))).body,
      );
      expect(checklist.ticks.map((t) => t.stepId)).toHaveLength(1);
    });
  });
});
