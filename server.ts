// The production server (`npm start`, the e2e suite, benchmarks): the Next.js app behind a plain
// node:http server, which answers bearer-token eligibility checks itself (the one endpoint other
// systems call thousands of times a second — lib/http/fast-eligibility.ts) and hands every other
// request to Next.js unchanged. `next dev` still works for development; it serves the same
// endpoint through its route handler. Usage: tsx server.ts [--port 3000] [--host 127.0.0.1]
import http from "node:http";
import next from "next";
import { isFastEligibilityRequest, serveEligibility } from "./lib/http/fast-eligibility";

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : dflt;
};
const port = Number(arg("port", "3000"));
const hostname = arg("host", "127.0.0.1");

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((req, res) => {
  if (isFastEligibilityRequest(req)) void serveEligibility(req, res);
  else void handle(req, res);
});
// Clients that keep connections open (autocannon, bureau systems) must not see them cut
// between requests; Node's default keep-alive timeout is 5 s, like `next start`.
server.keepAliveTimeout = 65_000;
server.listen(port, hostname, () => {
  process.stdout.write(`▲ 医保异地就医协同平台 ready on http://${hostname}:${port}\n`);
});

for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.once(sig, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  });
}
