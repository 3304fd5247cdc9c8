import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { timelineSchema } from '../../../contract/store-schemas.ts';
import { call, declare, write } from '../../../store/test-support.ts';
import {
  renderWarRoom,
  resetWarRoomClient,
  storeDown,
  storeUp,
  warRoomStoreFactory,
} from '../../testing/war-room-store.tsx';
import type { WarRoomTestStore } from '../../testing/war-room-store.tsx';
import { actorActions } from '../../warroom/actor.ts';
import { outboxFor, resetOutbox } from '../../warroom/outbox-store.ts';
import { warRoomWrites } from '../../warroom/writes.ts';
import { OpenIncidents } from './open-incidents.tsx';
import { ViewModeProvider } from '../../config/view-mode.tsx';
import type { ViewMode } from '../../config/view-mode.tsx';

const startStore = warRoomStoreFactory();

afterEach(() => {
  vi.unstubAllGlobals();
  resetWarRoomClient();
});

const TITLE = 'Binance feed silent';
const IMPACT = [
  'Binance orders rejected 14:02-14:17 UTC (15 min)',
  '412 client orders rejected, 3 BTC positions left unhedged; est. loss $18k',
];
const ROOT_CAUSE = 'Expired TLS certificate on the Binance FIX gateway';

const stored = async (store: WarRoomTestStore, id: string) => (await store.storage.incident(id))!;
const edits = async (store: WarRoomTestStore, id: string, field: string) =>
  timelineSchema
    .parse((await call(store.api(`/incidents/${id}/timeline`))).body)
    .events.filter((e) => e.type === 'incident.updated' && (e.details.edited as string[]).includes(field));
/** Another viewer's save, straight to the store. */
const savedElsewhere = (store: WarRoomTestStore, id: string, fields: object, actor: string) =>
  write(store.api(`/incidents/${id}`), 'PATCH', { ...fields, actor });

/** A dashboard with the incident (declared elsewhere) open. */
async function openDashboard(store: WarRoomTestStore, id: string, mode: ViewMode = 'commander') {
  const rendered = renderWarRoom(
    <ViewModeProvider value={mode}>
      <OpenIncidents />
    </ViewModeProvider>,
    store,
  );
  const page = within(rendered.container);
  // Opening it on one dashboard opens it on every dashboard of this tab: the selection is shared.
  await userEvent.click(await page.findByRole('button', { name: `${id} ${TITLE}` }));
  const view = await page.findByRole('region', { name: `Incident ${id}` });
  return { rendered, page, view: within(view) };
}

async function writeText(
  view: Awaited<ReturnType<typeof openDashboard>>['view'],
  user: ReturnType<typeof userEvent.setup>,
  label: 'Impact' | 'Root cause',
  lines: readonly string[],
) {
  const noun = label.toLowerCase();
  await user.click(view.getByRole('button', { name: new RegExp(`^(Write|Edit) ${noun}$`) }));
  const box = view.getByLabelText(label);
  await user.clear(box);
  await user.type(box, lines.join('{Enter}'));
  await user.click(view.getByRole('button', { name: `Save ${noun}` }));
}

describe('impact and root cause', () => {
  test('are saved, shown read-only with who and when on every dashboard, and edited again on demand', async () => {
    const store = await startStore();
    const { id } = await declare(store, { severityScheme: 'P0-P3', severity: 'P1', title: TITLE });
    actorActions.nameChosen('sam');
    const user = userEvent.setup();
    const mine = await openDashboard(store, id);
    const theirs = await openDashboard(store, id);
    expect(mine.view.getByRole('region', { name: 'Impact' })).toHaveTextContent('Not written yet.');

    await writeText(mine.view, user, 'Impact', IMPACT);
    const impact = mine.view.getByRole('region', { name: 'Impact' });
    // Multi-line, as typed.
    expect(within(impact).getByText((_, el) => el?.textContent === IMPACT.join('\n'))).toBeInTheDocument();
    await vi.waitFor(() => expect(impact).toHaveTextContent(/Saved by sam at \d\d:\d\d:\d\d$/));
    expect((await stored(store, id)).impact).toBe(IMPACT.join('\n'));
    const elsewhere = theirs.view.getByRole('region', { name: 'Impact' });
    await vi.waitFor(() => expect(elsewhere).toHaveTextContent(IMPACT[1]!));
    await vi.waitFor(() => expect(elsewhere).toHaveTextContent(/Saved by sam at \d\d:\d\d:\d\d$/));

    actorActions.nameChosen('lee');
    await writeText(theirs.view, user, 'Root cause', [ROOT_CAUSE]);
    const rootCause = mine.view.getByRole('region', { name: 'Root cause' });
    await vi.waitFor(() => expect(rootCause).toHaveTextContent(`${ROOT_CAUSE}Saved by lee at`));

    // Edited again: the editor starts from the saved text.
    await user.click(mine.view.getByRole('button', { name: 'Edit impact' }));
    expect(mine.view.getByLabelText('Impact')).toHaveValue(IMPACT.join('\n'));
    await user.type(mine.view.getByLabelText('Impact'), '{Enter}Recovered via the backup feed at 14:17');
    await user.click(mine.view.getByRole('button', { name: 'Save impact' }));
    await vi.waitFor(async () =>
      expect((await stored(store, id)).impact).toBe(
        [...IMPACT, 'Recovered via the backup feed at 14:17'].join('\n'),
      ),
    );
    await vi.waitFor(() =>
      expect(theirs.view.getByRole('region', { name: 'Impact' })).toHaveTextContent(/Saved by lee at/),
    );
    expect(await edits(store, id, 'impact')).toHaveLength(2);
  });

  test('saved while the store is down: kept across a reload, shown as not yet synced, delivered once', async () => {
    const store = await startStore();
    const { id } = await declare(store, { title: TITLE });
    actorActions.nameChosen('sam');
    const user = userEvent.setup();
    const first = await openDashboard(store, id);

    storeDown(store);
    await writeText(first.view, user, 'Root cause', [ROOT_CAUSE]);
    const rootCause = first.view.getByRole('region', { name: 'Root cause' });
    expect(rootCause).toHaveTextContent(ROOT_CAUSE);
    expect(rootCause).toHaveTextContent(/Saved here by sam at \d\d:\d\d:\d\d — not yet synced/);
    expect(await first.page.findByText(/the store is unreachable; your edits are kept/)).toBeInTheDocument();
    expect((await stored(store, id)).rootCause).toBeNull();

    // A reload: the page and its memory go; localStorage stays.
    first.rendered.unmount();
    resetOutbox();
    const page = within(renderWarRoom(<OpenIncidents />, store).container);
    expect(await page.findByText('1 unsynced')).toBeInTheDocument();

    storeUp(store);
    await user.click(await page.findByRole('button', { name: 'retry now' }));
    await vi.waitFor(() => expect(page.queryByText(/unsynced/)).not.toBeInTheDocument(), { timeout: 3000 });
    const view = within(await page.findByRole('region', { name: `Incident ${id}` }));
    // Delivered: the text is the store's answer now. Who saved it and when follow on the timeline
    // once the change feed has reconnected, which may take a few seconds of its backoff.
    const rootCauseNow = view.getByRole('region', { name: 'Root cause' });
    expect(rootCauseNow).toHaveTextContent(ROOT_CAUSE);
    expect(rootCauseNow).not.toHaveTextContent(/not yet synced/);
    expect((await stored(store, id)).rootCause).toBe(ROOT_CAUSE);
    expect(await edits(store, id, 'rootCause')).toHaveLength(1);
  });

  test("another viewer's save while a draft is open keeps the draft and says so", async () => {
    const store = await startStore();
    const { id } = await declare(store, { title: TITLE });
    await savedElsewhere(store, id, { rootCause: 'Feed handler crashed' }, 'lee');
    actorActions.nameChosen('sam');
    const user = userEvent.setup();
    const { view } = await openDashboard(store, id);
    await view.findByText('Feed handler crashed');

    await user.click(view.getByRole('button', { name: 'Edit root cause' }));
    const box = view.getByLabelText('Root cause');
    await user.clear(box);
    await user.type(box, 'Expired TLS certificate');
    await savedElsewhere(store, id, { rootCause: 'Binance rotated its FIX certificate' }, 'kim');

    const notice = await view.findByRole('alert');
    await vi.waitFor(() =>
      expect(notice).toHaveTextContent(
        /^kim saved another root cause at \d\d:\d\d:\d\d while you were writing\. Your draft is kept; saving it replaces theirs\./,
      ),
    );
    expect(within(notice).getByLabelText('Root cause saved meanwhile')).toHaveTextContent(
      'Binance rotated its FIX certificate',
    );
    expect(box).toHaveValue('Expired TLS certificate');
    await user.type(box, ' on the FIX gateway');
    expect(view.getByLabelText('Root cause')).toHaveValue(ROOT_CAUSE.replace(' on the Binance', ' on the'));

    // Saving after seeing theirs is a decision, not an accident: it goes through.
    await user.click(view.getByRole('button', { name: 'Save root cause' }));
    await vi.waitFor(async () =>
      expect((await stored(store, id)).rootCause).toBe('Expired TLS certificate on the FIX gateway'),
    );
    expect(view.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('taking theirs instead drops the draft for the text saved meanwhile', async () => {
    const store = await startStore();
    const { id } = await declare(store, { title: TITLE });
    const user = userEvent.setup();
    const { view } = await openDashboard(store, id);
    await user.click(view.getByRole('button', { name: 'Write impact' }));
    await user.type(view.getByLabelText('Impact'), 'orders rejected');
    await savedElsewhere(store, id, { impact: '412 orders rejected' }, 'kim');
    await user.click(await view.findByRole('button', { name: 'Use theirs instead of my draft' }));
    expect(view.getByLabelText('Impact')).toHaveValue('412 orders rejected');
    expect(view.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('an empty or too long text is refused in words, and the draft is kept', async () => {
    const store = await startStore();
    const { id } = await declare(store, { title: TITLE });
    const user = userEvent.setup();
    const { view, page } = await openDashboard(store, id);
    await user.click(view.getByRole('button', { name: 'Write impact' }));
    await user.click(view.getByRole('button', { name: 'Save impact' }));
    expect(view.getByText('Write the impact first, or cancel.')).toBeInTheDocument();

    await user.click(view.getByLabelText('Impact'));
    await user.paste('x'.repeat(10_001));
    expect(view.getByText('10,001 / 10,000 characters')).toBeInTheDocument();
    await user.click(view.getByRole('button', { name: 'Save impact' }));
    expect(
      view.getByText(
        'Impact is 10,001 characters; the store keeps at most 10,000. Shorten it (detail can go in notes) and save again.',
      ),
    ).toBeInTheDocument();
    expect(view.getByLabelText('Impact')).toHaveValue('x'.repeat(10_001));
    expect(view.getByLabelText('Impact')).toHaveAttribute('aria-invalid', 'true');
    expect(page.queryByText(/unsynced/)).not.toBeInTheDocument();
    expect((await stored(store, id)).impact).toBeNull();
  });

  test('the desk wall screen shows them, with who and when, but no editor', async () => {
    const store = await startStore();
    const { id } = await declare(store, { title: TITLE });
    await savedElsewhere(store, id, { impact: IMPACT.join('\n'), rootCause: ROOT_CAUSE }, 'lee');
    const { view } = await openDashboard(store, id, 'desk');
    const impact = view.getByRole('region', { name: 'Impact' });
    await vi.waitFor(() => expect(impact).toHaveTextContent(/Saved by lee at \d\d:\d\d:\d\d$/));
    expect(impact).toHaveTextContent(IMPACT[0]!);
    expect(view.getByRole('region', { name: 'Root cause' })).toHaveTextContent(ROOT_CAUSE);
    const section = within(view.getByRole('region', { name: 'Post-mortem' }));
    expect(section.queryByRole('button')).not.toBeInTheDocument();
    expect(section.queryByRole('textbox')).not.toBeInTheDocument();
  });

  test('the exported post-mortem carries them in place of the placeholders', async () => {
    const blobs: Blob[] = [];
    vi.stubGlobal(
      'URL',
      Object.assign(URL, {
        createObjectURL: (b: Blob) => (blobs.push(b), 'blob:pm'),
        revokeObjectURL: () => {},
      }),
    );
    const store = await startStore();
    const { id } = await declare(store, { title: TITLE });
    actorActions.nameChosen('sam');
    const user = userEvent.setup();
    const { view } = await openDashboard(store, id);
    await writeText(view, user, 'Impact', IMPACT);
    await writeText(view, user, 'Root cause', [ROOT_CAUSE]);
    await vi.waitFor(() =>
      expect(view.getByRole('region', { name: 'Root cause' })).toHaveTextContent(/Saved by sam/),
    );
    await user.click(view.getByRole('button', { name: 'Export post-mortem (.md)' }));
    const markdown = await blobs[0]!.text();
    expect(markdown).toContain(`## Impact\n\n${IMPACT.join('\n')}\n\n## Root cause\n\n${ROOT_CAUSE}\n\n`);
    expect(markdown).not.toContain('Who and what was affected');
    expect(markdown).not.toContain('The technical cause');
  });

  test('an edit the store refuses is named in words', async () => {
    const store = await startStore();
    renderWarRoom(<OpenIncidents />, store);
    await screen.findByText('No open incidents.');
    act(() => void warRoomWrites(outboxFor(store.baseUrl)).editIncident('INC-404', { impact: 'x' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^The store refused a change to the incident: .*INC-404/,
    );
  });
});
