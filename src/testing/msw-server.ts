import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

/**
 * What every dom test starts from: no war-room server lists trading systems (the simulator
 * answers the list's path with 404, as in the dev setup), so the board speaks to the one
 * trading API of the test's config. Tests of the system list replace this with server.use().
 */
export const noSystemList = http.get('/api/systems', () =>
  HttpResponse.json(
    { type: 'about:blank', title: 'Not Found', status: 404, detail: 'no trading API route /api/systems' },
    { status: 404 },
  ),
);

/** One msw server for the dom tests; each test installs the handlers it needs with server.use(). */
export const server = setupServer(noSystemList);
