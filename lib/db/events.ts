// Cache invalidation across processes and machines: PostgreSQL LISTEN/NOTIFY on one channel.
// Triggers on the tables behind the in-memory caches (migration 20261206010000_scale_out) send
// `pg_notify('app_cache', '<topic>[:<id>]')` in the writing transaction, so every app process
// listening on the primary hears of a committed change within milliseconds, whatever wrote it
// (a service, an import, a DBA in psql). Each process holds one dedicated connection; when it
// drops, every topic is flushed (notifications may have been missed) and it reconnects with
// back-off. Handlers live on globalThis: server.ts's fast path and the Next.js bundle load
// separate copies of this module but share one listener. See docs/decisions/010-scale-out.md.
import pg from "pg";
import { databaseUrl } from "../env";
import { logger } from "../logger";

export const CACHE_CHANNEL = "app_cache";

/** What changed: the cache each topic feeds (the trigger list is in the migration). */
export type CacheTopic =
  "agreements" | "users" | "bureaus" | "tokens" | "regions" | "regionGroups" | "calendars" | "roster" | "statistics";

/** `id` is the changed row's key, or null for "anything in this topic". */
type Handler = (id: string | null) => void;

interface ListenerState {
  handlers: Map<CacheTopic, Set<Handler>>;
  /** When each topic last changed, as this process heard it (ms since the epoch). */
  changedAt: Map<CacheTopic, number>;
  client?: pg.Client;
  starting?: Promise<void>;
  stopped: boolean;
  connected: boolean;
  retryMs: number;
  received: number;
}

const g = globalThis as unknown as { __cacheEvents?: ListenerState };
const state: ListenerState = (g.__cacheEvents ??= {
  handlers: new Map<CacheTopic, Set<Handler>>(),
  changedAt: new Map(),
  stopped: false,
  connected: false,
  retryMs: 500,
  received: 0,
});

/** Registers a handler for a topic; returns its removal. */
export function onCacheEvent(topic: CacheTopic, handler: Handler): () => void {
  let set = state.handlers.get(topic);
  if (!set) state.handlers.set(topic, (set = new Set()));
  set.add(handler);
  return () => set.delete(handler);
}

/**
 * Whether a topic changed in the last `withinMs`. A cache refilled right after a change must not
 * read a replica that may not have replayed it yet (lib/db/replicas.ts asks this).
 */
export function changedRecently(topic: CacheTopic, withinMs: number, now = Date.now()): boolean {
  return now - (state.changedAt.get(topic) ?? -Infinity) < withinMs;
}

/** Calls the handlers of a topic in this process (what a notification does on arrival). */
export function dispatchCacheEvent(topic: CacheTopic, id: string | null = null): void {
  state.changedAt.set(topic, Date.now());
  for (const h of state.handlers.get(topic) ?? []) {
    try {
      h(id);
    } catch (e) {
      logger.error("cache event handler failed", e);
    }
  }
}

function flushAll(): void {
  for (const topic of state.handlers.keys()) dispatchCacheEvent(topic, null);
}

export function parsePayload(payload: string | undefined): { topic: CacheTopic; id: string | null } | null {
  if (!payload) return null;
  const i = payload.indexOf(":");
  const topic = (i < 0 ? payload : payload.slice(0, i)) as CacheTopic;
  return { topic, id: i < 0 ? null : payload.slice(i + 1) };
}

async function connect(): Promise<void> {
  const client = new pg.Client({
    connectionString: databaseUrl(),
    application_name: "yibao-cache-listener",
    keepAlive: true,
  });
  client.on("notification", (msg) => {
    const event = msg.channel === CACHE_CHANNEL ? parsePayload(msg.payload) : null;
    if (!event) return;
    state.received += 1;
    dispatchCacheEvent(event.topic, event.id);
  });
  client.on("error", (e) => {
    logger.warn("cache listener connection lost; caches flushed, reconnecting", { error: e.message });
    lost(client);
  });
  client.on("end", () => lost(client));
  await client.connect();
  await client.query(`LISTEN ${CACHE_CHANNEL}`);
  state.client = client;
  state.connected = true;
  state.retryMs = 500;
  // Anything cached before LISTEN took effect may predate a change we will never hear of.
  flushAll();
}

function lost(client: pg.Client): void {
  if (state.client !== client) return;
  state.client = undefined;
  state.connected = false;
  flushAll();
  client.end().catch(() => undefined);
  if (!state.stopped) scheduleReconnect();
}

function scheduleReconnect(): void {
  const wait = state.retryMs;
  state.retryMs = Math.min(state.retryMs * 2, 10_000);
  setTimeout(() => {
    if (state.stopped || state.client) return;
    state.starting = connect().catch((e: Error) => {
      logger.warn("cache listener cannot connect; retrying", { error: e.message, inMs: state.retryMs });
      scheduleReconnect();
    });
  }, wait).unref();
}

/**
 * Starts this process's listener (idempotent). Resolves once LISTEN is in effect, or after the
 * first failed attempt (retries continue in the background; caches keep their TTL meanwhile).
 */
export function startCacheListener(): Promise<void> {
  state.stopped = false;
  if (state.client) return Promise.resolve();
  state.starting ??= connect().catch((e: Error) => {
    logger.warn("cache listener cannot connect; retrying", { error: e.message });
    state.starting = undefined;
    scheduleReconnect();
  });
  return state.starting;
}

export async function stopCacheListener(): Promise<void> {
  state.stopped = true;
  const c = state.client;
  state.client = undefined;
  state.starting = undefined;
  state.connected = false;
  await c?.end().catch(() => undefined);
}

export function cacheListenerStatus(): { connected: boolean; received: number } {
  return { connected: state.connected, received: state.received };
}
