import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type Express, type Router } from 'express';
import type { RunningChannel } from '../adapters/channel.ts';
import type { AppMetrics } from './metrics.ts';

/** Why the host is not ready, or nothing: `/readyz` answers 200 with none, 503 with any. */
export type ReadinessCheck = () => Promise<string[]>;

export interface HostOptions {
  /** The channels with their routes (each brings its own body parser). */
  channels: ReadonlyArray<Pick<RunningChannel, 'mount'>>;
  ready: ReadinessCheck;
  metrics: AppMetrics;
  logger: { error(fields: object, message: string): void };
  /** The organiser desk, served under /organiser when organisers are configured. */
  desk?: Router;
  /** Express's "trust proxy" (BALIE_TRUST_PROXY): the client's address and https from X-Forwarded-*. */
  trustProxy?: string | null;
}

/** The Express app and a way to say it is shutting down (/readyz then answers 503, connections close). */
export interface HostApp {
  app: Express;
  drain(): void;
}

/**
 * The one HTTP host of every channel: `GET /healthz` (the process lives), `GET /readyz` (event
 * loaded and store reachable, else 503), `GET /metrics` (Prometheus text), and the routes every
 * channel mounts. No body is parsed here: each route parses its own, and Slack must see the raw bytes.
 */
export function createHostApp(options: HostOptions): HostApp {
  let draining = false;
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  if (options.trustProxy) app.set('trust proxy', /^\d+$/.test(options.trustProxy) ? Number(options.trustProxy) : options.trustProxy);
  app.use((_req, res, next) => {
    // While shutting down, no connection is kept for another request.
    if (draining) res.set('Connection', 'close');
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const problems = draining ? ['shutting down'] : await options.ready().catch((error: unknown) => [`readiness check failed: ${String(error)}`]);
    res.status(problems.length === 0 ? 200 : 503).json({ ready: problems.length === 0, problems });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(options.metrics.registry.contentType).send(await options.metrics.registry.metrics());
  });
  for (const channel of options.channels) {
    const router = express.Router();
    channel.mount?.(router);
    app.use(router);
  }
  if (options.desk) app.use('/organiser', options.desk);
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  const failed: ErrorRequestHandler = (error: { status?: unknown }, _req, res, _next) => {
    const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 500;
    if (status === 500) options.logger.error({ err: String(error) }, 'host: request failed');
    res.status(status).json({ error: status === 500 ? 'internal error' : 'bad request' });
  };
  app.use(failed);
  return { app, drain: () => void (draining = true) };
}

/** A listening host: where, and how to stop taking requests. */
export interface ListeningHost {
  server: Server;
  port: number;
  /** Stops accepting connections and resolves once the requests in flight are answered, or after `timeoutMs` (then it cuts them). */
  close(timeoutMs: number): Promise<void>;
}

/** Listens on `host:port` (port 0: any free one); rejects when the port is taken. */
export function listen(app: Express, port: number, host: string): Promise<ListeningHost> {
  return new Promise((resolve, reject) => {
    const server = app.listen(port, host);
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      const closed = new Promise<void>((done) => server.once('close', () => done()));
      resolve({
        server,
        port: (server.address() as AddressInfo).port,
        close: async (timeoutMs) => {
          server.close();
          server.closeIdleConnections();
          let timer: ReturnType<typeof setTimeout> | undefined;
          await Promise.race([closed, new Promise<void>((done) => (timer = setTimeout(done, timeoutMs)))]);
          clearTimeout(timer);
          server.closeAllConnections();
        },
      });
    });
  });
}

/** Counts work in flight (turns), so that shutdown can wait for it. */
export class InFlight {
  #count = 0;
  #waiters: Array<() => void> = [];

  get count(): number {
    return this.#count;
  }

  /** Counts `work` until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.#count += 1;
    return work.finally(() => {
      this.#count -= 1;
      if (this.#count === 0) for (const wake of this.#waiters.splice(0)) wake();
    });
  }

  /** Resolves true once nothing is in flight, false when `timeoutMs` passes first. */
  async idle(timeoutMs: number): Promise<boolean> {
    if (this.#count === 0) return true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = await Promise.race([
      new Promise<boolean>((resolve) => this.#waiters.push(() => resolve(true))),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    return done;
  }
}
