// The production server (`npm start`, the e2e suite, benchmarks, the cluster test): one worker
// process per core (node:cluster; WEB_CONCURRENCY overrides), each running the Next.js app behind
// a plain node:http server that answers bearer-token eligibility checks itself (the endpoint
// other systems call thousands of times a second — lib/agreements/fast-eligibility.ts) and hands every
// other request to Next.js. The primary process only forks, restarts a worker that dies, and
// passes SIGINT/SIGTERM on. Workers share nothing in memory: caches are invalidated through
// PostgreSQL (lib/db/events.ts) and periodic jobs claim their ticks there (lib/jobs/scheduler.ts),
// exactly as between two machines. `next dev` still works for development.
// The dispatch in front of Next.js is `createRequestListener`, exported so the integration test
// (tests/integration/eligibility-api.int.test.ts) runs this very listener; importing the module
// starts nothing — only running it as the entry does.
// Usage: node dist/server.js [--port 3000] [--host 127.0.0.1]   (compiled by `npm run build`;
// `tsx server.ts` runs the source the same way)
import cluster from "node:cluster";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import next from "next";
import { env } from "./lib/env";
import { isFastEligibilityRequest, serveEligibility } from "./lib/agreements/fast-eligibility";
import { refuseMethod } from "./lib/http/node-answer";
import { REQUEST_ID_HEADER, requestIdFrom } from "./lib/http/request-id";
import { allowedMethods, refusedMethod } from "./lib/http/api-methods";
import { stampClientAddress } from "./lib/http/client-address";
import { HSTS, servedOverHttps } from "./lib/http/security-headers";

export interface RequestListenerOptions {
  /** Next.js's request handler (or, in a test, whatever stands in for it). */
  handle: (req: http.IncomingMessage, res: http.ServerResponse) => unknown;
  trustProxy: boolean;
  publicUrl?: string;
  /** Sent as `x-instance` so a balancer test can tell the instances apart. */
  instance?: string;
}

/**
 * The whole dispatch of a worker: client address and HSTS, the bearer-token eligibility fast
 * path, the JSON 405 for a method an /api/v1 path does not take (Next.js answers an empty 405),
 * and Next.js for everything else.
 */
export function createRequestListener({
  handle,
  trustProxy,
  publicUrl,
  instance,
}: RequestListenerOptions): http.RequestListener {
  return (req, res) => {
    if (instance) res.setHeader("x-instance", instance);
    stampClientAddress(req.headers, req.socket.remoteAddress, trustProxy);
    if (servedOverHttps(req.headers["x-forwarded-proto"], publicUrl, trustProxy))
      res.setHeader("strict-transport-security", HSTS);
    if (isFastEligibilityRequest(req)) return void serveEligibility(req, res);
    const allowed = req.url?.startsWith("/api/v1/") ? allowedMethods(req.url.slice("/api/v1".length)) : null;
    if (allowed && refusedMethod(req.method, allowed))
      return void refuseMethod(req, res, allowed, requestIdFrom(req.headers[REQUEST_ID_HEADER]));
    void handle(req, res);
  };
}

// Workers always run in child processes (also a single one: it is restarted when it dies), with
// a larger young generation: rendering allocates many short-lived objects, and V8's default
// semi-space (16 MB) makes it scavenge several hundred times a second under load. 64 MB measured
// +7–13 % requests/s on the load benchmark (docs/benchmarks.md, decision 010), for ≈ 100 MB more
// memory per worker at most. An explicit --max-semi-space-size (execArgv or NODE_OPTIONS) wins.
const YOUNG_GENERATION = "--max-semi-space-size=64";

interface ServerOptions {
  port: number;
  hostname: string;
  workers: number;
}

const log = (msg: string) => process.stdout.write(`[server] ${msg}\n`);

function serverOptions(args: string[]): ServerOptions {
  const arg = (name: string, dflt: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
  };
  return {
    port: Number(arg("port", "3000")),
    hostname: arg("host", "127.0.0.1"),
    workers: env().WEB_CONCURRENCY ?? os.availableParallelism(),
  };
}

/** True when this file is the process's entry (`tsx server.ts`, `node dist/server.js`), not an import. */
function isEntry(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && import.meta.url === pathToFileURL(path.resolve(entry)).href;
}

if (isEntry()) {
  const options = serverOptions(process.argv.slice(2));
  if (cluster.isPrimary) runPrimary(options);
  else await runWorker(options);
}

function runPrimary({ port, hostname, workers }: ServerOptions): void {
  let stopping = false;
  const recentDeaths: number[] = [];
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((a) => a.includes("--max-semi-space-size"));
  cluster.setupPrimary({ execArgv: given ? process.execArgv : [...process.execArgv, YOUNG_GENERATION] });
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && now - recentDeaths[0]! > 60_000) recentDeaths.shift();
    // A worker that cannot start (bad build, database gone) must not be forked in a tight loop.
    const delay = recentDeaths.length > workers * 3 ? 10_000 : 0;
    log(
      `worker ${worker.process.pid} exited (${signal ?? code}); starting a new one${delay ? ` in ${delay / 1000} s` : ""}`,
    );
    setTimeout(() => !stopping && cluster.fork(), delay);
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      stopping = true;
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill(sig);
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
  log(`${workers} workers on http://${hostname}:${port}`);
}

async function runWorker({ port, hostname, workers }: ServerOptions): Promise<void> {
  const app = next({ dev: false, hostname, port });
  await app.prepare();
  const server = http.createServer(
    createRequestListener({
      handle: app.getRequestHandler(),
      trustProxy: env().TRUST_PROXY,
      publicUrl: env().NEXTAUTH_URL,
      instance: env().INSTANCE_NAME,
    }),
  );
  // Clients that keep connections open (autocannon, bureau systems, nginx upstream keep-alive)
  // must not see them cut between requests; Node's default keep-alive timeout is 5 s.
  server.keepAliveTimeout = 65_000;
  server.listen(port, hostname, () => {
    if (cluster.worker?.id === workers)
      process.stdout.write(
        `▲ 医保异地就医协同平台 ready on http://${hostname}:${port} (${workers} worker${workers > 1 ? "s" : ""})\n`,
      );
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) {
    process.once(sig, () => {
      server.close();
      void app.close().finally(() => process.exit(0));
      setTimeout(() => process.exit(0), 3_000).unref();
    });
  }
}
