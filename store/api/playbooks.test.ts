import { describe, expect, test } from 'vitest';
import { savedPlaybookFixture } from '../../contract/fixtures.ts';
import {
  changePageSchema,
  playbookConflictSchema,
  savedPlaybookListSchema,
  savedPlaybookSchema,
} from '../../contract/store-schemas.ts';
import type { Playbook } from '../../contract/store-schemas.ts';
import { TEST_TIMEOUT_MS, call, declare, storeFactory, write } from '../test-support.ts';
import type { TestStore } from '../test-support.ts';

const startStore = storeFactory();

const runbook: Playbook = structuredClone(savedPlaybookFixture.playbook);
const ID = runbook.id;

const save = (
  store: TestStore,
  body: { playbook: unknown; actor?: string; baseRevision: number | null },
  options: { key?: string; id?: string } = {},
) =>
  write(store.api(`/playbooks/${options.id ?? ID}`), 'PUT', { actor: 'ana', ...body }, { key: options.key });

const list = async (store: TestStore) =>
  savedPlaybookListSchema.parse((await call(store.api('/playbooks'))).body);

const changes = async (store: TestStore) =>
  changePageSchema.parse((await call(store.api('/changes?after=0'))).body).changes;

/** The runbook with its first step's text changed: an edit. */
const edited = (text: string): Playbook => {
  const copy = structuredClone(runbook);
  copy.phases[0]!.steps[0]!.text = text;
  return copy;
};

describe('saved playbooks', { timeout: TEST_TIMEOUT_MS }, () => {
  test('a new playbook is saved at revision 1, listed with who and when, and announced on the feed', async () => {
    const store = await startStore();
    expect(await list(store)).toMatchObject({ lastChangeId: 0, playbooks: [] });

    const answer = await save(store, { playbook: runbook, baseRevision: null });
    expect(answer.status).toBe(201);
    const saved = savedPlaybookSchema.parse(answer.body);
    expect(saved).toEqual({ playbook: runbook, revision: 1, savedAt: expect.any(String), savedBy: 'ana' });
    expect(Date.parse(saved.savedAt)).not.toBeNaN();

    const listed = await list(store);
    expect(listed).toMatchObject({ lastChangeId: 1, playbooks: [saved] });
    expect(listed.storeId).toMatch(/^[0-9a-f]{32}$/);
    expect(await changes(store)).toEqual([
      { id: 1, at: saved.savedAt, incidentId: null, type: 'playbook.saved', savedPlaybook: saved },
    ]);
  });

  test('an edit of the current revision makes the next; identical content again changes nothing', async () => {
    const store = await startStore();
    await save(store, { playbook: runbook, baseRevision: null });
    const second = await save(store, { playbook: edited('Stop routing orders to NYSE'), baseRevision: 1 });
    expect(second.status).toBe(200);
    expect(second.body).toEqual({
      playbook: edited('Stop routing orders to NYSE'),
      revision: 2,
      savedAt: expect.any(String),
      savedBy: 'ana',
    });
    const before = await changes(store);

    // The same content, under new keys, in another key order, with any baseRevision: a lost
    // answer retried, or a second person importing the same file.
    const same = Object.fromEntries(Object.entries(edited('Stop routing orders to NYSE')).reverse());
    for (const baseRevision of [2, 1, null]) {
      const again = await save(store, { playbook: same, baseRevision, actor: 'bo' });
      expect([again.status, again.body]).toEqual([200, second.body]);
    }
    expect(await changes(store)).toEqual(before);
    expect((await list(store)).playbooks.map((p) => [p.revision, p.savedBy])).toEqual([[2, 'ana']]);
  });

  test('a stale baseRevision is a 409 carrying the current playbook; nothing is overwritten', async () => {
    const store = await startStore();
    await save(store, { playbook: runbook, baseRevision: null });
    const bos = await save(store, { playbook: edited("Bo's wording"), baseRevision: 1, actor: 'bo' });
    const current = savedPlaybookSchema.parse(bos.body);

    // Cy started from revision 1 too, and saves after Bo.
    const stale = await save(
      store,
      { playbook: edited("Cy's wording"), baseRevision: 1, actor: 'cy' },
      { key: 'cy-save-0001' },
    );
    expect(stale.status).toBe(409);
    const conflict = playbookConflictSchema.parse(stale.body);
    expect(conflict).toEqual({
      title: 'Conflict',
      status: 409,
      detail: `playbook ${ID} is at revision 2, saved by bo at ${current.savedAt}, and this edit is based on revision 1: compare it with the current one (in \`current\`), then save again with baseRevision 2`,
      current,
    });
    // Saving it as new when it exists is stale too.
    const asNew = await save(store, { playbook: edited("Cy's wording"), baseRevision: null, actor: 'cy' });
    expect(asNew.status).toBe(409);
    expect((await list(store)).playbooks).toEqual([current]);

    // The refusal is recorded under its key: the retry answers the same, even once cy could win.
    const retried = await save(
      store,
      { playbook: edited("Cy's wording"), baseRevision: 1, actor: 'cy' },
      { key: 'cy-save-0001' },
    );
    expect([retried.status, retried.text]).toEqual([409, stale.text]);
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    const resolved = await save(store, { playbook: edited("Cy's wording"), baseRevision: 2, actor: 'cy' });
    expect(resolved.body).toMatchObject({ revision: 3, savedBy: 'cy' });
  });

  test('an edit of a playbook that is not saved is a 409 without a current one', async () => {
    const store = await startStore();
    const answer = await save(store, { playbook: runbook, baseRevision: 4 });
    expect(answer.status).toBe(409);
    expect(playbookConflictSchema.parse(answer.body)).toMatchObject({
      current: null,
      detail: `there is no saved playbook ${ID}, and this edit is based on revision 4: save it as a new playbook with baseRevision null`,
    });
  });

  const withStep = (step: object): Playbook => {
    const copy = structuredClone(runbook);
    copy.phases[0]!.steps.push(step as Playbook['phases'][number]['steps'][number]);
    return copy;
  };

  test.for([
    [
      'an unknown control',
      { playbook: withStep({ id: 'x', text: 'Do it', control: { id: 'nuke' } }), baseRevision: null },
      /^playbook save: playbook\.phases\[0\]\.steps\[2\]\.control\.id: expected one of kill-switch, .*maintenance-mode, got "nuke"$/,
    ],
    [
      'a misspelt field',
      { playbook: withStep({ id: 'x', text: 'Check it', verifcation: true }), baseRevision: null },
      /^playbook save: playbook\.phases\[0\]\.steps\[2\]: unexpected field verifcation$/,
    ],
    [
      'a step id used twice (ticks are kept by step id)',
      { playbook: withStep({ id: 'wait-for-venue', text: 'Wait again' }), baseRevision: null },
      /^playbook save: playbook\.phases: step id wait-for-venue is used twice; ticks are kept by step id/,
    ],
    [
      'a revision of 0 and no actor',
      { playbook: runbook, baseRevision: 0, actor: '' },
      /^playbook save: actor: expected at least 1 characters, got 0 characters; baseRevision: expected at least 1, got 0$/,
    ],
    [
      'an id sent to another playbook’s path',
      { playbook: { ...runbook, id: 'import-other' }, baseRevision: null },
      /^playbook save: playbook\.id: "import-other" is sent to \/playbooks\/import-nyse-session-loss/,
    ],
  ] as const)('%s is refused with 400, saying where; nothing is written', async ([, body, detail]) => {
    const store = await startStore();
    const answer = await save(store, body);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ title: 'Bad Request', detail: expect.stringMatching(detail) });
    expect(await list(store)).toMatchObject({ lastChangeId: 0, playbooks: [] });
  });

  /** A step with branches nested `depth` levels deep below it, built without recursion. */
  const nested = (depth: number): object => {
    let step: object = { id: 'innermost', text: 'The last check' };
    for (let level = depth; level > 0; level--)
      step = {
        id: `level-${level}`,
        text: 'Which case is it?',
        branches: [{ when: 'if so', steps: [step] }],
      };
    return step;
  };

  // What the store cannot serve is refused when saved, not found out later: a step id longer than
  // a tick's path takes could be saved and never ticked, and a body nested deep enough overflowed
  // the validator's stack (a 500) instead of being refused.
  test.for([
    [
      'a 300-character step id (a tick path takes at most 200)',
      withStep({ id: 'x'.repeat(300), text: 'Check it' }),
      /^playbook save: playbook\.phases\[0\]\.steps\[2\]\.id: expected at most 200 characters, got 300 characters$/,
    ],
    [
      'a 300-character phase id',
      { ...runbook, phases: [{ ...runbook.phases[0]!, id: 'p'.repeat(300) }] },
      /^playbook save: playbook\.phases\[0\]\.id: expected at most 200 characters, got 300 characters$/,
    ],
    [
      // Refused before parsing, as any body nested this deep is (store/http/body.ts).
      'branches nested 1000 levels deep',
      withStep(nested(1000)),
      /^the playbook save nests more than 64 levels deep$/,
    ],
    [
      'branches nested 6 levels deep',
      withStep(nested(6)),
      /^playbook save: playbook\.phases\[0\]\.steps\[2\]: branches nest more than 5 levels deep/,
    ],
    [
      'more steps than an import may hold (400)',
      {
        ...runbook,
        phases: [0, 1].map((p) => ({
          id: `phase-${p}`,
          title: `Phase ${p}`,
          window: null,
          steps: Array.from({ length: 201 }, (_, i) => ({ id: `s-${p}-${i}`, text: 'Do one thing' })),
        })),
      },
      /^playbook save: playbook\.phases: the playbook has 402 steps \(branches included\); at most 400 are allowed$/,
    ],
  ] as const)('%s is refused with 400 in words', async ([, playbook, detail]) => {
    const store = await startStore();
    const answer = await save(store, { playbook, baseRevision: null });
    expect([answer.status, answer.body]).toEqual([
      400,
      expect.objectContaining({ title: 'Bad Request', detail: expect.stringMatching(detail) }),
    ]);
    expect(await list(store)).toMatchObject({ lastChangeId: 0, playbooks: [] });
  });

  test('what it can serve is kept: ids of 200 characters, branches 5 levels deep', async () => {
    const store = await startStore();
    const playbook = withStep({ ...nested(5), id: 'y'.repeat(200) });
    const answer = await save(store, { playbook, baseRevision: null });
    expect(answer.status).toBe(201);
    const incident = await declare(store);
    await write(store.api(`/incidents/${incident.id}/checklist/playbook`), 'PUT', {
      playbookId: ID,
      actor: 'ana',
    });
    const ticks = ['y'.repeat(200), 'innermost'].map((stepId) =>
      write(store.api(`/incidents/${incident.id}/checklist/steps/${stepId}`), 'PUT', {
        ticked: true,
        playbookId: ID,
        actor: 'ana',
      }),
    );
    for (const tick of ticks) expect((await tick).status).toBe(200);
  });

  test('a saved playbook lives apart from the library: its id must start with import-', async () => {
    const store = await startStore();
    const library = { ...runbook, id: 'hft-exchange-outage' };
    const onLibraryPath = await save(store, { playbook: library, baseRevision: null }, { id: library.id });
    expect(onLibraryPath.status).toBe(400);
    expect(onLibraryPath.body).toMatchObject({
      detail: `"hft-exchange-outage" is not a saved playbook's id: a saved playbook's id is "import-" then kebab-case (a-z, 0-9, -), so that it never shadows a built-in playbook`,
    });
    const smuggled = await save(store, { playbook: library, baseRevision: null });
    expect(smuggled.body).toMatchObject({
      detail: expect.stringMatching(/^playbook save: playbook\.id: a saved playbook's id is "import-"/),
    });
    expect((await list(store)).playbooks).toEqual([]);
  });

  test('saved playbooks survive a restart of the store, and revisions go on from there', async () => {
    const first = await startStore();
    await save(first, { playbook: runbook, baseRevision: null });
    const before = await list(first);
    const second = await first.restart();
    expect(await list(second)).toEqual(before);
    const next = await save(second, { playbook: edited('After the restart'), baseRevision: 1 });
    expect(next.body).toMatchObject({ revision: 2 });
    expect((await changes(second)).map((c) => [c.id, c.type])).toEqual([
      [1, 'playbook.saved'],
      [2, 'playbook.saved'],
    ]);
  });
});
