// `npm run build`, second half: compiles server.ts into dist/server.js (scripts/server.ts,
// compileServer), the file `npm start`, `npm run serve` and the e2e and cluster tests run with node.
import { compileServer, SERVER_ENTRY } from "./server";

compileServer();
process.stdout.write(`[build] ${SERVER_ENTRY}\n`);
