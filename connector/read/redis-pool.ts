// One Redis client per connection a profile declares, shared by its reads and controls. A Redis
// that is down fails each command at once (no offline queue: a halt must not be sent minutes
// late, when it comes back) and is retried in the background.
import { Redis } from 'ioredis';

export class RedisPool {
  #clients = new Map<string, Redis>();
  #urls: Record<string, string>;
  #passwords: Record<string, string | undefined>;

  constructor(urls: Record<string, string>, passwords: Record<string, string | undefined> = {}) {
    this.#urls = urls;
    this.#passwords = passwords;
  }

  client(name: string): Redis {
    let client = this.#clients.get(name);
    if (!client) {
      const url = this.#urls[name];
      if (url === undefined) throw new Error(`no redis connection "${name}"`);
      client = new Redis(url, {
        password: this.#passwords[name],
        lazyConnect: false,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: 2000,
        commandTimeout: 2000,
        retryStrategy: () => 500,
      });
      // Errors surface on the command that met them; the client's own event would crash the process.
      client.on('error', () => {});
      this.#clients.set(name, client);
    }
    return client;
  }

  /**
   * The client once it is connected. A command sent while it is still connecting (just after
   * start, or a reconnect) would be refused outright for want of an offline queue; it waits for
   * the connection instead, up to `timeoutMs`, then fails saying Redis cannot be reached.
   */
  async ready(name: string, timeoutMs = 2000): Promise<Redis> {
    const client = this.client(name);
    if (client.status === 'ready') return client;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        client.off('ready', onReady);
        reject(new Error(`no connection to redis ${name} within ${timeoutMs} ms (${client.status})`));
      }, timeoutMs);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      client.once('ready', onReady);
    });
    return client;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#clients.values()].map((c) => c.quit().catch(() => c.disconnect())));
    this.#clients.clear();
  }
}
