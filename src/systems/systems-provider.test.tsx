import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { useStatus } from '../live/status-query.ts';
import { FakeEventSource } from '../testing/fake-event-source.ts';
import { server } from '../testing/msw-server.ts';
import { makeSim, renderLive } from '../testing/render-live.tsx';
import { profiled, renderSystems } from '../testing/systems.ts';
import { useSystemsView } from './system-scope.tsx';

/** What the board shows, and a way to switch, as the header offers it. */
function Probe() {
  const name = useStatus((s) => s.system.name);
  const { systems, select } = useSystemsView();
  return (
    <>
      <p data-testid="watched">{name ?? 'nothing yet'}</p>
      {systems?.map((s) => (
        <button key={s.id} type="button" onClick={() => select(s.id)}>
          {s.id}
        </button>
      ))}
    </>
  );
}

const named = (id: string, name: string) => {
  const sim = makeSim();
  profiled(sim.sim, { id, name });
  return { id, sim };
};
/** The streams open now, by path: the client resumes with its position in the query. */
const openStreams = () =>
  FakeEventSource.instances.filter((s) => !s.closed).map((s) => s.url.replace(/\?.*/, ''));

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('the system in scope', () => {
  test('switching systems closes the first one’s stream and opens the other’s, remembered in the URL', async () => {
    renderSystems(<Probe />, [named('rtes', 'RTES'), named('hft', 'HFT')]);
    await waitFor(() => expect(screen.getByTestId('watched')).toHaveTextContent('RTES'));
    expect(openStreams()).toEqual(['/api/systems/rtes/v1/stream']);

    fireEvent.click(screen.getByRole('button', { name: 'hft' }));
    await waitFor(() => expect(screen.getByTestId('watched')).toHaveTextContent('HFT'));
    expect(openStreams()).toEqual(['/api/systems/hft/v1/stream']);
    expect(FakeEventSource.instances.filter((s) => s.url.startsWith('/api/systems/rtes/'))).not.toEqual([]);
    expect(FakeEventSource.instances.every((s) => s.closed || s.url.startsWith('/api/systems/hft/'))).toBe(
      true,
    );
    expect(new URLSearchParams(window.location.search).get('system')).toBe('hft');
  });

  test('a link naming a system opens the board on it', async () => {
    window.history.replaceState(null, '', '/?system=hft');
    renderSystems(<Probe />, [named('rtes', 'RTES'), named('hft', 'HFT')]);
    await waitFor(() => expect(screen.getByTestId('watched')).toHaveTextContent('HFT'));
    expect(openStreams()).toEqual(['/api/systems/hft/v1/stream']);
  });

  test.each([
    ['answers 404', () => new HttpResponse('not found', { status: 404 })],
    ['answers with a page that is not JSON', () => HttpResponse.html('<!doctype html>')],
    ['does not answer', () => HttpResponse.error()],
  ])('when the system list %s, the board watches the configured trading API', async (_what, answer) => {
    const { sim } = named('sim', 'Simulated RTES');
    server.use(http.get('/api/systems', answer));
    renderLive(<Probe />, { sim });
    await waitFor(() => expect(screen.getByTestId('watched')).toHaveTextContent('Simulated RTES'));
    expect(openStreams()).toEqual(['/api/v1/stream']);
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
