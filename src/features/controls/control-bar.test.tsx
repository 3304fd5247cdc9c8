import { useIsFetching } from '@tanstack/react-query';
import { act, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { resetCommands } from '../../controls/command-center.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive as renderLiveBare } from '../../testing/render-live.tsx';
import { commander, viewer, warRoomServer, webStorageText } from '../../testing/war-room-session.ts';
import type { TestPerson } from '../../testing/war-room-session.ts';
import { resetWarRoomClient, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import { ControlBar } from './control-bar.tsx';

// A real war-room store (in-process, temp database): the bar reads the active incident from it,
// and the audit records and timeline events go to it. Signing in, and the controls, are the
// war-room server's (warRoomServer): the session it keeps stands in for the cookie.
const startStore = warRoomStoreFactory();
let storeBaseUrl = '';
beforeEach(async () => {
  storeBaseUrl = (await startStore()).baseUrl;
});
afterEach(resetWarRoomClient);
let room = warRoomServer();
/** How many queries are in flight: a test that ends at once waits for the store's reads first. */
function Fetching() {
  return <output data-testid="fetching">{useIsFetching()}</output>;
}
const settled = () => vi.waitFor(() => expect(screen.getByTestId('fetching')).toHaveTextContent('0'));
const renderLive = (
  ui: Parameters<typeof renderLiveBare>[0],
  opts: Parameters<typeof renderLiveBare>[1] & { signedIn?: TestPerson } = {},
) => {
  room = warRoomServer({ sim: opts.sim?.sim, storeBaseUrl, signedIn: opts.signedIn ?? null });
  return renderLiveBare(
    <>
      {ui}
      <Fetching />
    </>,
    {
      ...opts,
      handlers: [...(opts.handlers ?? []), ...room.handlers],
      config: { ...opts.config, storeBaseUrl },
    },
  );
};

afterEach(async () => {
  // The store closes after this: reads still in flight to it would end on a dead socket.
  if (screen.queryByTestId('fetching')) await settled();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  resetCommands();
});

async function signIn(person: Pick<TestPerson, 'name' | 'password'> = commander) {
  fireEvent.change(await screen.findByLabelText('Name'), { target: { value: person.name } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: person.password } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
}

const hold = async (name: RegExp) => {
  const button = screen.getByRole('button', { name });
  fireEvent.pointerDown(button, { button: 0 });
  await act(() => new Promise((r) => setTimeout(r, 120)));
  fireEvent.pointerUp(button);
};

describe('the control bar', () => {
  test('signed out it offers only the sign-in; a wrong password is explained, and cleared', async () => {
    renderLive(<ControlBar />, { sim: makeSim() });
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Kill switch/ })).not.toBeInTheDocument();
    await signIn({ name: 'alice', password: 'not-her-password' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Not signed in: the name or the password is wrong.',
    );
    expect(screen.getByLabelText('Password')).toHaveValue('');
    expect(screen.getByLabelText('Name')).toHaveValue('alice');
  });

  test('a commander signs in with name and password, gets the controls, and signs out; no secret is kept in the browser', async () => {
    const setItem = vi.spyOn(Storage.prototype, 'setItem');
    renderLive(<ControlBar />, { sim: makeSim() });
    await signIn();
    expect(await screen.findByRole('button', { name: /Kill switch/ })).toBeInTheDocument();
    expect(screen.getByText('alice')).toBeInTheDocument();
    const signInRequest = room.seen.find((r) => r.method === 'POST');
    expect(JSON.parse(signInRequest!.body)).toEqual({ name: 'alice', password: commander.password });

    const kept = [webStorageText(), ...setItem.mock.calls.flat(), window.location.href].join('\n');
    expect(kept).not.toContain(commander.password);
    expect(kept).not.toMatch(/token/i);

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('form', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Kill switch/ })).not.toBeInTheDocument();
    expect(room.signedIn()).toBeNull();
  });

  test('a viewer sees the controls as view only: nothing that acts', async () => {
    renderLive(<ControlBar />, { sim: makeSim() });
    await signIn(viewer);
    expect(await screen.findByText('View only')).toBeInTheDocument();
    expect(screen.getByText(/only a commander may act/)).toBeInTheDocument();
    for (const name of [/Kill switch/, /Halt trading/, /Resume/, /Cancel all/])
      expect(screen.queryByRole('button', { name })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeInTheDocument();
  });

  test('after a reload with the cookie still set, the store says who it is: no sign-in asked', async () => {
    renderLive(<ControlBar />, { sim: makeSim(), signedIn: commander });
    expect(await screen.findByRole('button', { name: /Kill switch/ })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Sign in' })).not.toBeInTheDocument();
  });

  test('the store going down does not sign anyone out of the screen; it says the store is unreachable', async () => {
    renderLive(<ControlBar />, { sim: makeSim(), signedIn: commander });
    expect(await screen.findByRole('button', { name: /Kill switch/ })).toBeInTheDocument();
    server.use(http.get(`${storeBaseUrl}/session`, () => HttpResponse.error()));
    // A minute on (the answer is stale), the tab is looked at again: the store is asked, and is silent.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 60_000);
    act(() => window.dispatchEvent(new Event('visibilitychange')));
    expect(
      await screen.findByText('War-room store unreachable: signed in as alice when it last answered'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Kill switch/ })).toBeInTheDocument();
    expect(screen.getByText('alice')).toBeInTheDocument();
  });

  test('opened while the store is down: the sign-in says the store is needed', async () => {
    renderLive(<ControlBar />, {
      sim: makeSim(),
      handlers: [http.get(`${storeBaseUrl}/session`, () => HttpResponse.error())],
    });
    expect(await screen.findByText('War-room store unreachable: signing in needs it')).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Sign in' })).toBeInTheDocument();
  });

  test('holding Halt halts the simulated system; the command is confirmed with its time', async () => {
    const sim = makeSim();
    const { advance } = renderLive(<ControlBar />, {
      sim,
      config: { controls: { holdMs: 100, confirmDeadlineMs: 3000, requestTimeoutMs: 2000 } },
    });
    await signIn();
    await screen.findByRole('button', { name: /Halt trading/ });
    await hold(/Halt trading/);
    const status = await screen.findByRole('listitem', { name: 'Halt trading' });
    await vi.waitFor(() => expect(status).toHaveAttribute('data-phase', 'confirmed'));
    expect(status).toHaveTextContent(/CONFIRMED in \d+ ms/);
    expect(sim.sim.snapshot().tradingState).toMatchObject({
      state: 'HALTED',
      changedBy: 'alice',
      reason: 'No incident declared',
    });
    advance(100);
    expect(sim.sim.executedCommands()).toHaveLength(1);
    // The command went to the war-room server with the session, and with no credential of its own.
    const sent = room.seen.find((r) => r.url.endsWith('/controls/halt'));
    expect(sent?.headers.get('authorization')).toBeNull();
  });

  test('a control shows what it will touch', async () => {
    renderLive(<ControlBar />, { sim: makeSim() });
    await signIn();
    const kill = await screen.findByRole('button', { name: /Kill switch/ });
    const tooltip = within(kill.closest('[data-control]')! as HTMLElement).getByRole('tooltip', {
      hidden: true,
    });
    // What it touches comes with the trading system's state, which may follow the sign-in.
    await vi.waitFor(() => expect(tooltip).toHaveTextContent(/Affects: cancels \d+ open orders on 4 venues/));
  });

  test('a refusal by the trading system is shown as REJECTED with its reason', async () => {
    renderLive(<ControlBar />, {
      sim: makeSim(),
      config: { controls: { holdMs: 100, confirmDeadlineMs: 3000, requestTimeoutMs: 2000 } },
    });
    await signIn();
    await screen.findByRole('button', { name: /Halt trading/ });
    server.use(
      http.post('/api/v1/controls/halt', () =>
        HttpResponse.json(
          { title: 'Forbidden', status: 403, detail: 'halts need two operators today' },
          { status: 403 },
        ),
      ),
    );
    await hold(/Halt trading/);
    const status = await screen.findByRole('listitem', { name: 'Halt trading' });
    await vi.waitFor(() => expect(status).toHaveAttribute('data-phase', 'rejected'));
    expect(status).toHaveTextContent(
      'REJECTED — this person may not use this control — halts need two operators today',
    );
  });

  test('resume needs an override reason, and records it', async () => {
    const sim = makeSim();
    sim.sim.setTradingState('HALTED', 'bob', 'drill');
    renderLive(<ControlBar />, { sim });
    await signIn();
    fireEvent.click(await screen.findByRole('button', { name: 'Resume trading…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A reason is required.');
    fireEvent.change(screen.getByLabelText(/Override — why is it safe/), {
      target: { value: 'venue back, checks done' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await vi.waitFor(() => expect(sim.sim.snapshot().tradingState.state).toBe('ACTIVE'));
    expect(sim.sim.snapshot().tradingState.reason).toBe('override: venue back, checks done');
  });
});

test('controls the trading system does not offer are listed, disabled, saying so', async () => {
  renderLive(<ControlBar />, { sim: makeSim() });
  await signIn();
  const maintenance = await screen.findByRole('button', { name: 'Maintenance mode', hidden: true });
  expect(maintenance).toHaveAttribute('aria-disabled', 'true');
  const tooltip = within(maintenance.closest('[data-control]')! as HTMLElement).getByRole('tooltip', {
    hidden: true,
  });
  // What the system offers comes with its state, which may follow the sign-in.
  await vi.waitFor(() =>
    expect(tooltip).toHaveTextContent('Unavailable: not offered by this trading system'),
  );
});

test('a session the server stops accepting signs the person out once the store says so', async () => {
  renderLive(<ControlBar />, {
    sim: makeSim(),
    config: { controls: { holdMs: 100, confirmDeadlineMs: 3000, requestTimeoutMs: 2000 } },
  });
  await signIn();
  await screen.findByRole('button', { name: /Halt trading/ });
  // Signed out elsewhere (or expired): the server refuses the session, and the store agrees.
  room.sessionEnded();
  await hold(/Halt trading/);
  const status = await screen.findByRole('listitem', { name: 'Halt trading' });
  await vi.waitFor(() => expect(status).toHaveAttribute('data-phase', 'rejected'));
  expect(status).toHaveTextContent('REJECTED — the war-room session was refused: sign in again');
  expect(await screen.findByRole('form', { name: 'Sign in' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Kill switch/ })).not.toBeInTheDocument();
});
