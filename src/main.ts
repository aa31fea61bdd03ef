// Entry point: `npm start`. Serves the API (and /metrics on METRICS_PORT when set) and shuts down
// gracefully on SIGTERM/SIGINT.
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { createLogger, type Logger } from './logger.ts';
import { remaining, withTimeout } from './timeout.ts';

let logger: Logger | undefined;

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  const log = createLogger(config.LOG_LEVEL);
  logger = log;
  // Loaded only after the configuration is known to be valid, so a bad value fails in milliseconds.
  const { bootstrap } = await import('./bootstrap.ts');
  const { metricsApp } = await import('./http/metrics.ts');
  const service = await bootstrap(config, log);
  const server = serve({ fetch: service.app.fetch, port: config.PORT, hostname: config.HOST }, (info) => {
    log.info(
      {
        url: `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${info.port}`,
        db: service.database.kind,
      },
      'listening',
    );
  }) as Server;
  const metricsServer = config.METRICS_PORT
    ? (serve(
        { fetch: metricsApp(service.metrics).fetch, port: config.METRICS_PORT, hostname: config.METRICS_HOST },
        (info) => {
          log.info({ url: `http://${config.METRICS_HOST}:${info.port}/metrics` }, 'metrics listening');
        },
      ) as Server)
    : null;

  /**
   * Graceful shutdown: /ready turns 503 and the listeners stop accepting; requests in flight finish
   * (their responses say `Connection: close`), then the jobs (embedding drain, assignment run, BullMQ
   * workers), all within SHUTDOWN_TIMEOUT_MS; then the queues, Redis and the database pool close.
   * Exit 0 when everything finished in time, 1 when the deadline cut something off (unfinished jobs
   * stay recorded in the database and are picked up at the next start). A second signal exits at once.
   */
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal during shutdown: exiting now');
      process.exit(1);
    }
    stopping = true;
    const timeoutMs = config.SHUTDOWN_TIMEOUT_MS;
    const deadline = Date.now() + timeoutMs;
    // The last resort, should closing itself hang (a database that never answers).
    setTimeout(() => {
      log.error({ timeoutMs }, 'shutdown did not complete: exiting');
      process.exit(1);
    }, timeoutMs + 5000).unref();
    service.lifecycle.shuttingDown = true;
    const closed = new Promise<void>((r) => server.close(() => r()));
    metricsServer?.close();
    log.info({ signal, timeoutMs }, 'shutting down: no new connections; finishing requests and jobs in progress');
    const requestsDone = await withTimeout(closed, remaining(deadline));
    if (!requestsDone) {
      log.warn('shutdown deadline reached with requests in flight: closing their connections');
      server.closeAllConnections();
    }
    const jobsDone = await service.close(remaining(deadline));
    if (!jobsDone) log.warn('shutdown deadline reached with jobs running: they resume at the next start');
    metricsServer?.closeAllConnections();
    const clean = requestsDone && jobsDone;
    log.info({ clean }, 'stopped');
    process.exit(clean ? 0 : 1);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err) => {
  if (logger) logger.error({ err }, 'failed to start');
  else process.stderr.write(`Failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
