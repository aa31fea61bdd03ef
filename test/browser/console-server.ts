// The real app (test/harness.ts) served over real HTTP on a free loopback port, for the browser tests.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Embedder } from '../../src/embedding/embedder.ts';
import type { Logger } from '../../src/logger.ts';
import { startTestApp, type TestApp } from '../harness.ts';

export interface ConsoleServer {
  /** `http://127.0.0.1:<port>`, no trailing slash: the one origin pages may load anything from. */
  baseUrl: string;
  /** The app behind it, for setting up data through the API (`app.request`, `app.keyFor`, `app.db`). */
  app: TestApp;
  /** Stops the server (open connections too) and the app, dropping its database. */
  close(): Promise<void>;
}

/** Boots the app (PGlite, or the real PostgreSQL with TEST_DATABASE_URL) and serves it over HTTP. */
export async function startConsoleServer(
  env: Record<string, string> = {},
  opts: { embedder?: Embedder; logger?: Logger } = {},
): Promise<ConsoleServer> {
  const app = await startTestApp(env, opts);
  // Port 0: the kernel picks a free port at bind time, so two test files never race for one.
  const server = serve({ fetch: app.service.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    app,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      await app.close();
    },
  };
}
