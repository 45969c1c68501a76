import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';
import type { Logger } from '@/lib/logger';

/** The projector's Prometheus metrics, on a registry of its own. */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'projector_process_' });
  const labelNames = ['projection'] as const;
  return {
    registry,
    checkpoint: new Gauge({ name: 'projector_checkpoint_lsn', help: 'Last applied WAL position (bytes)', labelNames, registers: [registry] }),
    lagBytes: new Gauge({ name: 'projector_lag_bytes', help: 'WAL written but not yet applied (bytes)', labelNames, registers: [registry] }),
    lagSeconds: new Gauge({ name: 'projector_lag_seconds', help: 'Age of the oldest change not yet applied (0 when caught up)', labelNames, registers: [registry] }),
    changes: new Counter({ name: 'projector_changes_applied_total', help: 'Row changes applied', labelNames, registers: [registry] }),
    changesPerSecond: new Gauge({ name: 'projector_changes_per_second', help: 'Row changes applied per second, over the last interval', labelNames, registers: [registry] }),
    deadLetters: new Gauge({ name: 'projector_dead_letters_pending', help: 'Keys waiting in the dead-letter table', labelNames, registers: [registry] }),
    searchBacklog: new Gauge({ name: 'projector_search_backlog', help: 'Products waiting for the search index', registers: [registry] }),
    slotRetained: new Gauge({ name: 'projector_slot_retained_wal_bytes', help: 'WAL the replication slot keeps on the server', registers: [registry] }),
    streaming: new Gauge({ name: 'projector_streaming', help: '1 while the projector streams changes', registers: [registry] }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;

/** The change-stream publisher's metrics (changeStream/publisher.ts). */
export function createPublisherMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'publisher_process_' });
  return {
    registry,
    stored: new Counter({ name: 'publisher_messages_stored_total', help: 'Messages JetStream stored (events, markers, domain events, heartbeats)', registers: [registry] }),
    position: new Gauge({ name: 'publisher_confirmed_lsn', help: 'WAL position the publisher slot is confirmed up to (bytes)', registers: [registry] }),
    streaming: new Gauge({ name: 'publisher_streaming', help: '1 while the publisher reads its slot and publishes', registers: [registry] }),
  };
}
export type PublisherMetrics = ReturnType<typeof createPublisherMetrics>;

/**
 * `/metrics` for Prometheus, `/healthz` (liveness: 200 while the process runs, standing by or
 * not) and `/readyz` (readiness: 200 while it streams; a standby answers 503 with its state).
 * Port 0 switches it off.
 */
export async function serveMetrics(registry: Registry, options: { host: string; port: number; state: () => string; log: Logger }): Promise<Server | undefined> {
  if (options.port === 0) return undefined;
  const server = createServer((req, res) => {
    if (req.url === '/metrics') {
      registry
        .metrics()
        .then((body) => {
          res.writeHead(200, { 'content-type': registry.contentType });
          res.end(body);
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    } else if (req.url === '/healthz' || req.url === '/readyz') {
      const state = options.state();
      const ok = req.url === '/healthz' || state === 'streaming';
      res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' });
      res.end(`${state}\n`);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  return new Promise((resolve) => {
    server.once('error', (error) => {
      // Metrics are not worth stopping the projector for.
      options.log.warn({ err: error, port: options.port }, 'metrics server could not listen; continuing without it');
      resolve(undefined);
    });
    server.listen(options.port, options.host, () => {
      options.log.info({ url: `http://${options.host}:${options.port}/metrics` }, 'metrics');
      resolve(server);
    });
  });
}
