import { act, fireEvent, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { resetCommands } from '../../controls/command-center.ts';
import { signedOut } from '../../controls/operator-session.ts';
import { server } from '../../testing/msw-server.ts';
import { makeSim, renderLive as renderLiveBare } from '../../testing/render-live.tsx';
import { resetWarRoomClient, warRoomStoreFactory } from '../../testing/war-room-store.tsx';
import { ControlBar } from './control-bar.tsx';

const TOKEN = 'test-token-0001';
const operators = [
  { name: 'alice', token: TOKEN },
  { name: 'viewer', token: 'view-only-0002', controls: ['venue-cancel-all' as const] },
];
// A real war-room store (in-process, temp database): the bar reads the active incident from it,
// and the audit records and timeline events go to it.
const startStore = warRoomStoreFactory();
let storeBaseUrl = '';
beforeEach(async () => {
  storeBaseUrl = (await startStore()).baseUrl;
});
afterEach(resetWarRoomClient);
const renderLive = (
  ui: Parameters<typeof renderLiveBare>[0],
  opts: Parameters<typeof renderLiveBare>[1] = {},
) => renderLiveBare(ui, { ...opts, config: { ...opts.config, storeBaseUrl } });

afterEach(() => {
  vi.unstubAllGlobals();
  signedOut();
  resetCommands();
});

async function signIn(token = TOKEN) {
  fireEvent.change(await screen.findByLabelText('Operator token'), { target: { value: token } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign in to use controls' }));
}

const hold = async (name: RegExp) => {
  const button = screen.getByRole('button', { name });
  fireEvent.pointerDown(button, { button: 0 });
  await act(() => new Promise((r) => setTimeout(r, 120)));
  fireEvent.pointerUp(button);
};

describe('the control bar', () => {
  test('without a token it offers only the sign-in; a wrong token is explained', async () => {
    renderLive(<ControlBar />, { sim: makeSim(), operators });
    expect(screen.queryByRole('button', { name: /Kill switch/ })).not.toBeInTheDocument();
    await signIn('not-a-known-token');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The trading system does not know this token.',
    );
  });

  test('holding Halt halts the simulated system; the command is confirmed with its time', async () => {
    const sim = makeSim();
    const { advance } = renderLive(<ControlBar />, {
      sim,
      operators,
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
  });

  test('a control this operator may not use is shown disabled, saying why', async () => {
    renderLive(<ControlBar />, { sim: makeSim(), operators });
    await signIn('view-only-0002');
    const kill = await screen.findByRole('button', { name: /Kill switch/ });
    expect(kill).toHaveAttribute('aria-disabled', 'true');
    const tooltip = within(kill.closest('[data-control]')! as HTMLElement).getByRole('tooltip', {
      hidden: true,
    });
    expect(tooltip).toHaveTextContent('Unavailable: your operator token may not use it');
    // What it touches comes with the trading system's state, which may follow the sign-in.
    await vi.waitFor(() => expect(tooltip).toHaveTextContent(/Affects: cancels \d+ open orders on 4 venues/));
  });

  test('a refusal by the trading system is shown as REJECTED with its reason', async () => {
    renderLive(<ControlBar />, {
      sim: makeSim(),
      operators,
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
      'REJECTED — this operator may not use this control — halts need two operators today',
    );
  });

  test('resume needs an override reason, and records it', async () => {
    const sim = makeSim();
    sim.sim.setTradingState('HALTED', 'bob', 'drill');
    renderLive(<ControlBar />, { sim, operators });
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
  renderLive(<ControlBar />, { sim: makeSim(), operators });
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

test('a token the trading system stops accepting signs the operator out', async () => {
  renderLive(<ControlBar />, {
    sim: makeSim(),
    operators,
    config: { controls: { holdMs: 100, confirmDeadlineMs: 3000, requestTimeoutMs: 2000 } },
  });
  await signIn();
  await screen.findByRole('button', { name: /Halt trading/ });
  server.use(
    http.post('/api/v1/controls/halt', () =>
      HttpResponse.json({ title: 'Unauthorized', status: 401, detail: 'token revoked' }, { status: 401 }),
    ),
  );
  await hold(/Halt trading/);
  expect(await screen.findByLabelText('Operator token')).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Kill switch/ })).not.toBeInTheDocument();
});
