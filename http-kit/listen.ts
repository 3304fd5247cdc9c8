// Starting and stopping an http.Server. Our services listen on 127.0.0.1 unless told otherwise:
// they sit beside what they serve, and nothing else should reach them by accident.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Resolves with the port bound (a free one when `port` is 0); rejects if it cannot listen. */
export function listen(server: Server, port: number, host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/**
 * Stops listening and cuts every connection still open: close() alone would wait for open
 * streams and idle keep-alive sockets, which may never end by themselves.
 */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
