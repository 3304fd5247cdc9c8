import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { savedPlaybookSchema } from '../../../../contract/store-schemas.ts';
import { call } from '../../../../store/test-support.ts';
import { importRunbook } from '../../../playbooks/import/import-runbook.ts';
import { MAX_IMPORT_BYTES } from '../../../playbooks/import/limits.ts';
import { fixture } from '../../../playbooks/import/test-support.ts';
import type { Playbook } from '../../../playbooks/playbook.ts';
import { makeSim } from '../../../testing/render-live.tsx';
import { profiled, renderSystems } from '../../../testing/systems.ts';
import { renderWarRoom, resetWarRoomClient, warRoomStoreFactory } from '../../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../../testing/war-room-store.tsx';
import { actorActions } from '../../../warroom/actor.ts';
import { RunbookImportDialog } from './runbook-import-dialog.tsx';
import { RunbookImport } from './runbook-import.tsx';
import type { SavePlaybooks } from './runbook-import.tsx';

// jsdom has no Worker: these tests read with the same parser on the page's thread. The worker
// and its deadline are tested in src/playbooks/import/run-import.test.ts and run for real in
// Chromium (e2e/import.spec.ts).
const readHere = (text: string, name: string) => Promise.resolve(importRunbook(text, name));

const startStore = warRoomStoreFactory();

async function savedIn(store: WarRoomTestStore) {
  const { body } = await call(store.api('/playbooks'));
  return savedPlaybookSchema.array().parse((body as { playbooks: unknown[] }).playbooks);
}

afterEach(() => {
  localStorage.clear();
  resetWarRoomClient();
  vi.unstubAllGlobals();
});

function recordingSave(answer: (p: Playbook) => string | null = () => null) {
  const saved: { playbook: Playbook; baseRevision: number | null }[] = [];
  const save: SavePlaybooks = async (items) => {
    const failed: Record<string, { error: string }> = {};
    for (const item of items) {
      const error = answer(item.playbook);
      if (error) failed[item.playbook.id] = { error };
      else saved.push(item);
    }
    return { saved: items.filter((i) => !failed[i.playbook.id]).map((i) => i.playbook.id), failed };
  };
  return { saved, save };
}

async function paste(text: string) {
  const user = userEvent.setup();
  fireEvent.change(screen.getByLabelText(/Paste a Markdown or plain-text runbook/), {
    target: { value: text },
  });
  await user.click(screen.getByRole('button', { name: 'Read runbook' }));
  return user;
}

const draftCard = (title: string) => screen.getByRole('article', { name: `Imported playbook: ${title}` });

describe('importing a runbook', () => {
  test('paste → preview of every playbook found, procedures selected, warnings shown', async () => {
    const { save } = recordingSave();
    render(<RunbookImport importer={readHere} save={save} />);
    await paste(fixture('plain-text-rules.txt'));

    expect(await screen.findByText(/Found 2 playbooks in pasted text/)).toBeInTheDocument();
    const venue = draftCard('Venue disconnect playbook');
    expect(within(venue).getByRole('checkbox', { name: 'Save this one' })).toBeChecked();
    expect(within(venue).getByRole('listitem', { name: 'Phase: Assessment' })).toBeInTheDocument();
    const cancel = within(venue).getByRole('listitem', { name: 'Step: Cancel all resting orders there' });
    expect(within(cancel).getByRole('combobox', { name: 'Fires' })).toHaveDisplayValue('Cancel all orders');
    expect(within(cancel).getByLabelText('Command (copied, never run)')).toHaveValue(
      'curl -X POST http://127.0.0.1:9500/api/v1/exchanges/<EXCHANGE_NAME>/cancel_all_orders',
    );
    expect(screen.getByRole('button', { name: 'Save 2 playbooks' })).toBeEnabled();
  });

  test('edits made in the preview are what is saved; unselected playbooks are not', async () => {
    const { save, saved } = recordingSave();
    render(<RunbookImport importer={readHere} save={save} />);
    const user = await paste(fixture('plain-text-rules.txt'));
    const venue = await screen.findByRole('article', {
      name: 'Imported playbook: Venue disconnect playbook',
    });

    const title = within(venue).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Venue down (desk runbook)');
    const cancel = within(venue).getByRole('listitem', { name: 'Step: Cancel all resting orders there' });
    await user.selectOptions(within(cancel).getByRole('combobox', { name: 'Fires' }), '');
    await user.click(
      within(venue).getByRole('listitem', { name: 'Step: One venue or several?' }).querySelector('button')!,
    );
    await user.click(
      within(draftCard('Engine crash playbook')).getByRole('checkbox', { name: 'Save this one' }),
    );
    await user.click(screen.getByRole('button', { name: 'Save 1 playbook' }));

    expect(await screen.findByText(/Saved 1 playbook from pasted text/)).toBeInTheDocument();
    expect(saved).toHaveLength(1);
    const [{ playbook, baseRevision }] = saved as [(typeof saved)[number]];
    expect(baseRevision).toBeNull();
    expect(playbook.title).toBe('Venue down (desk runbook)');
    expect(playbook.phases[0]!.steps[1]!.control).toBeUndefined();
    expect(playbook.phases[1]!.steps.map((s) => s.text)).toEqual([
      "Read the venue's status page",
      'Estimate how long it will last',
    ]);
  });

  test('a draft the schema would refuse cannot be saved, and the preview says why', async () => {
    const { save } = recordingSave();
    render(<RunbookImport importer={readHere} save={save} />);
    const user = await paste(fixture('plain-text-rules.txt'));
    const crash = await screen.findByRole('article', { name: 'Imported playbook: Engine crash playbook' });
    await user.clear(within(crash).getByRole('textbox', { name: 'Title' }));
    expect(within(crash).getByRole('alert', { name: 'Problems to fix before saving' })).toHaveTextContent(
      /The title/,
    );
    expect(screen.getByRole('button', { name: 'Save 2 playbooks' })).toBeDisabled();
  });

  test('hostile markup shows as text: no script, no handler, no javascript: link reaches the page', async () => {
    const { save } = recordingSave();
    const { container } = render(<RunbookImport importer={readHere} save={save} />);
    await paste(
      [
        '# Venue runbook',
        '## First response (0-5 minutes)',
        '<script>window.__pwned = true</script>',
        '1. **Restart** <img src=x onerror="window.__pwned = true"> the [gateway](javascript:window.__pwned=true)',
        '2. Check the ‮gnirts‬ direction',
        '```bash',
        '# 3. Grep the page',
        'curl -s http://127.0.0.1/ | grep "<script>alert(1)</script>"',
        '```',
      ].join('\n'),
    );
    await screen.findByText(/Found 1 playbook/);
    expect(container.querySelector('script, img, iframe, object, embed')).toBeNull();
    expect(
      [...container.querySelectorAll('*')].some((el) =>
        [...el.attributes].some((a) => a.name.startsWith('on')),
      ),
    ).toBe(false);
    expect(container.querySelector('a[href]')).toBeNull();
    expect((window as { __pwned?: boolean }).__pwned).toBeUndefined();
    expect(screen.getByDisplayValue('Restart the gateway')).toBeInTheDocument();
    expect(
      screen.getByDisplayValue('curl -s http://127.0.0.1/ | grep "<script>alert(1)</script>"'),
    ).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Import warnings' })).toHaveTextContent(/raw HTML ignored/);
    expect(screen.getByRole('list', { name: 'Import warnings' })).toHaveTextContent(
      /right-to-left overrides/,
    );
  });

  test('a file over 1 MB is refused before it is read', async () => {
    const { save } = recordingSave();
    render(<RunbookImport importer={readHere} save={save} />);
    const file = new File(['x'], 'huge.md', { type: 'text/markdown' });
    Object.defineProperty(file, 'size', { value: MAX_IMPORT_BYTES + 1 });
    const read = vi.spyOn(file, 'text');
    await userEvent.upload(screen.getByLabelText('Choose a file…'), file);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'huge.md is 1.0 MB; runbooks over 1.0 MB are refused.',
    );
    expect(read).not.toHaveBeenCalled();
  });

  test('a dropped file is read like a pasted one', async () => {
    const { save } = recordingSave();
    render(<RunbookImport importer={readHere} save={save} />);
    const file = new File([fixture('bold-labels.md')], 'engine.md', { type: 'text/markdown' });
    fireEvent.drop(screen.getByLabelText(/Paste a Markdown/).parentElement!, {
      dataTransfer: { files: [file] },
    });
    expect(await screen.findByText(/Found 2 playbooks in engine\.md/)).toBeInTheDocument();
  });

  test('a refused save keeps the draft and its edits; an unfinished import survives a reload', async () => {
    const { save } = recordingSave(() => 'the store could not be reached; your draft is kept');
    const first = render(<RunbookImport importer={readHere} save={save} />);
    const user = await paste(fixture('bold-labels.md'));
    const outage = await screen.findByRole('article', { name: 'Imported playbook: Matching engine outage' });
    await user.type(within(outage).getByRole('textbox', { name: 'Title' }), ' (v2)');
    await user.click(screen.getByRole('button', { name: 'Save 2 playbooks' }));
    expect(await within(draftCard('Matching engine outage (v2)')).findByRole('alert')).toHaveTextContent(
      'Not saved: the store could not be reached; your draft is kept',
    );
    first.unmount();

    render(<RunbookImport importer={readHere} save={save} />);
    expect(draftCard('Matching engine outage (v2)')).toBeInTheDocument();
  });

  test('reading can be cancelled, and a late answer is ignored', async () => {
    let answer: (r: Awaited<ReturnType<typeof readHere>>) => void = () => {};
    const slow = () => new Promise<Awaited<ReturnType<typeof readHere>>>((resolve) => (answer = resolve));
    const { save } = recordingSave();
    render(<RunbookImport importer={slow} save={save} />);
    const user = await paste('# x');
    expect(screen.getByRole('status')).toHaveTextContent('Reading pasted text…');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    answer(importRunbook(fixture('bold-labels.md'), 'late.md'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Read runbook' })).toBeInTheDocument());
    expect(screen.queryByText(/Found/)).toBeNull();
  });
});

describe('keeping the import', () => {
  test('an import kept by an older dashboard (another shape) is dropped with a message, not a crash', () => {
    localStorage.setItem(
      'warroom.runbook-import',
      JSON.stringify({ stage: 'preview', name: 'old.md', drafts: [{}] }),
    );
    render(<RunbookImport importer={readHere} save={recordingSave().save} />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'An unfinished import kept by this browser could not be restored',
    );
    expect(localStorage.getItem('warroom.runbook-import')).toBeNull();
  });

  test('when the browser will not keep it, the preview says edits would be lost on reload', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      render(<RunbookImport importer={readHere} save={recordingSave().save} />);
      await paste(fixture('bold-labels.md'));
      expect(await screen.findByText(/This browser will not keep this import/)).toBeInTheDocument();
      expect(draftCard('Matching engine outage')).toBeInTheDocument();
    } finally {
      setItem.mockRestore();
    }
  });

  test('an edit made while the store is answering is kept', async () => {
    let answer: () => void = () => {};
    const save: SavePlaybooks = (items) =>
      new Promise((resolve) => {
        answer = () =>
          resolve({
            saved: [items[0]!.playbook.id],
            failed: { [items[1]!.playbook.id]: { error: 'the store is down' } },
          });
      });
    render(<RunbookImport importer={readHere} save={save} />);
    const user = await paste(fixture('bold-labels.md'));
    await screen.findByText(/Found 2 playbooks/);
    await user.click(screen.getByRole('button', { name: 'Save 2 playbooks' }));
    expect(screen.getByRole('button', { name: 'Discard this import' })).toBeDisabled();
    await user.type(
      within(draftCard('Afterwards')).getByRole('textbox', { name: 'Summary' }),
      ' Edited meanwhile.',
    );
    answer();
    await waitFor(() => expect(screen.queryByRole('article', { name: /Matching engine outage/ })).toBeNull());
    const after = draftCard('Afterwards');
    expect(within(after).getByRole('alert')).toHaveTextContent('Not saved: the store is down');
    expect(within(after).getByRole<HTMLTextAreaElement>('textbox', { name: 'Summary' }).value).toMatch(
      /Edited meanwhile\.$/,
    );
  });

  test('a command emptied in the editor can be typed again; an empty one is not saved', async () => {
    const { save, saved } = recordingSave();
    render(<RunbookImport importer={readHere} save={save} />);
    const user = await paste(fixture('bold-labels.md'));
    await user.click(
      within(await screen.findByRole('article', { name: /Afterwards/ })).getByRole('checkbox', {
        name: 'Save this one',
      }),
    );
    const check = within(draftCard('Matching engine outage')).getByRole('listitem', {
      name: 'Step: Check the cluster',
    });
    const command = within(check).getByLabelText('Command (copied, never run)');
    await user.clear(command);
    expect(within(check).getByLabelText('Command (copied, never run)')).toHaveValue('');
    await user.type(within(check).getByLabelText('Command (copied, never run)'), 'kubectl get pods');
    const halt = within(draftCard('Matching engine outage')).getByRole('listitem', {
      name: 'Step: Halt all trading',
    });
    await user.clear(within(halt).getByLabelText('Command (copied, never run)'));
    await user.click(screen.getByRole('button', { name: 'Save 1 playbook' }));
    await screen.findByText(/Saved 1 playbook/);
    const steps = saved[0]!.playbook.phases[0]!.steps;
    expect(steps[0]!.command).toBe('kubectl get pods');
    expect(steps[1]).not.toHaveProperty('command');
  });
});

describe('saving imported playbooks to the war-room store', () => {
  test('the chosen drafts are stored; an id already taken offers to replace it', async () => {
    const store = await startStore();
    actorActions.nameChosen('riley');
    renderWarRoom(<RunbookImportDialog onClose={() => {}} importer={readHere} />, store);
    const user = await paste(fixture('windowed-items.md'));
    await screen.findByText(/Found 2 playbooks/);
    await user.click(screen.getByRole('button', { name: 'Save 2 playbooks' }));
    await screen.findByText(/Saved 2 playbooks from pasted text/);

    const saved = await savedIn(store);
    expect(saved.map((s) => [s.playbook.id, s.savedBy, s.revision])).toEqual([
      ['import-p0-critical-10-minute-response', 'riley', 1],
      ['import-quote-engine-stalled', 'riley', 1],
    ]);

    // The same runbook again: its ids are taken. One draft is replaced, the other renamed.
    await paste(fixture('windowed-items.md'));
    await screen.findByText(/Found 2 playbooks/);
    const stalled = draftCard('Quote engine stalled');
    await user.type(within(stalled).getByRole('textbox', { name: 'Summary' }), ' Revised by the desk.');
    await user.type(
      within(draftCard('P0 - CRITICAL 10 minute response')).getByRole('textbox', { name: 'Summary' }),
      ' Copy.',
    );
    await user.click(screen.getByRole('button', { name: 'Save 2 playbooks' }));
    const conflict = await within(draftCard('Quote engine stalled')).findByRole('alert');
    expect(conflict).toHaveTextContent(/saved by riley \(revision 1\)\. Rename this one, or replace it/);
    const p0 = draftCard('P0 - CRITICAL 10 minute response');
    await user.type(within(p0).getByRole('textbox', { name: 'Title' }), ' (desk copy)');
    await user.click(within(conflict).getByRole('button', { name: 'Replace the saved one' }));
    await screen.findByText(/Saved 2 playbooks/);
    // Both were refused (content differs from what is stored); the P0 one is renamed, so it is new.
    expect((await savedIn(store)).map((s) => [s.playbook.id, s.revision])).toEqual([
      ['import-p0-critical-10-minute-response', 1],
      ['import-p0-critical-10-minute-response-desk-copy', 1],
      ['import-quote-engine-stalled', 2],
    ]);
  });

  test('a playbook belongs to a connected system, or any other typed in; an id that is none is said', async () => {
    const store = await startStore();
    actorActions.nameChosen('riley');
    const connected = (id: string, name: string) => {
      const sim = makeSim();
      profiled(sim.sim, { id, name });
      return { id, sim };
    };
    renderSystems(
      <RunbookImportDialog onClose={() => {}} importer={readHere} />,
      [connected('hft', 'HFT system'), connected('desk-7', 'Desk 7')],
      { config: { storeBaseUrl: store.baseUrl } },
    );
    const user = await paste(fixture('windowed-items.md'));
    await screen.findByText(/Found 2 playbooks/);
    const stalled = draftCard('Quote engine stalled');
    const system = within(stalled).getByLabelText('System');
    // Offered: the systems the board is connected to, and generic.
    const offered = () =>
      [...(document.getElementById(system.getAttribute('list') ?? '')?.querySelectorAll('option') ?? [])].map(
        (o) => o.value,
      );
    await waitFor(() => expect(offered()).toEqual(['hft', 'desk-7', 'generic']));

    await user.clear(system);
    await user.type(system, 'Desk7');
    expect(system).toHaveAttribute('aria-invalid', 'true');
    expect(system).toHaveAccessibleDescription(
      'a system id is a lower-case letter, then lower-case letters, digits and dashes',
    );
    expect(screen.getByText('Fix the problems shown before saving.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save 2 playbooks' })).toBeDisabled();

    // A system the board is not connected to (yet) is any id the store takes.
    await user.clear(system);
    await user.type(system, 'desk-9');
    expect(system).toHaveAttribute('aria-invalid', 'false');
    await user.click(screen.getByRole('button', { name: 'Save 2 playbooks' }));
    await screen.findByText(/Saved 2 playbooks/);
    const saved = await savedIn(store);
    expect(saved.find((s) => s.playbook.title === 'Quote engine stalled')?.playbook.system).toBe('desk-9');
  });
});
