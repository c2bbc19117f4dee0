// `npm test`: lint, typecheck, unit, integration (real PostgreSQL), e2e (Playwright on Debian
// chromium) and cluster (primary + streaming replica + two instances behind nginx), in that
// order, then one closing line "tests: N passed, N failed".
// Usage: tsx scripts/test-all.ts [stage …]   (default: every stage)
import { spawnSync } from "node:child_process";
import fs from "node:fs";

type Stage = "lint" | "typecheck" | "unit" | "integration" | "e2e" | "cluster";
const ALL: Stage[] = ["lint", "typecheck", "unit", "integration", "e2e", "cluster"];
const requested = process.argv.slice(2) as Stage[];
const stages = requested.length ? requested : ALL;
for (const s of stages) if (!ALL.includes(s)) throw new Error(`unknown stage ${s}`);

const bin = (name: string) => `node_modules/.bin/${name}`;
const out = (name: string) => `test-results/${name}.json`;
fs.mkdirSync("test-results", { recursive: true });

// The lint stage also prints the size report (scripts/size-report.ts) and fails on an oversize
// item that is not allowed (decision 027), then checks that the tree is formatted (Prettier,
// decision 030: `npm run format` fixes what it names).
const sizeCheck = [bin("tsx"), "scripts/size-report.ts", "--check"];
const formatCheck = [bin("prettier"), "--check", "."];
const commands: Record<Stage, string[]> = {
  lint: [bin("eslint"), ".", "--max-warnings=0"],
  typecheck: [bin("tsc"), "--noEmit"],
  unit: [
    bin("vitest"),
    "run",
    "--project",
    "unit",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${out("unit")}`,
  ],
  integration: [
    bin("vitest"),
    "run",
    "--project",
    "integration",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${out("integration")}`,
  ],
  e2e: [bin("playwright"), "test"],
  cluster: [
    bin("vitest"),
    "run",
    "--project",
    "cluster",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${out("cluster")}`,
  ],
};

function counts(stage: Stage): { passed: number; failed: number; skipped: number } {
  const file = out(stage);
  if (!fs.existsSync(file)) return { passed: 0, failed: 0, skipped: 0 };
  const r = JSON.parse(fs.readFileSync(file, "utf8"));
  if (stage === "e2e") {
    return {
      passed: r.stats.expected ?? 0,
      failed: (r.stats.unexpected ?? 0) + (r.stats.flaky ?? 0),
      skipped: r.stats.skipped ?? 0,
    };
  }
  return {
    passed: r.numPassedTests ?? 0,
    failed: r.numFailedTests ?? 0,
    skipped: (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0),
  };
}

let passed = 0;
let failed = 0;
let skipped = 0;
let ok = true;
for (const stage of stages) {
  if (stage !== "lint" && stage !== "typecheck") fs.rmSync(out(stage), { force: true });
  process.stdout.write(`\n=== ${stage} ===\n`);
  const started = Date.now();
  let r = spawnSync(commands[stage][0]!, commands[stage].slice(1), { stdio: "inherit" });
  if (stage === "lint" && r.status === 0) r = spawnSync(sizeCheck[0]!, sizeCheck.slice(1), { stdio: "inherit" });
  if (stage === "lint" && r.status === 0) r = spawnSync(formatCheck[0]!, formatCheck.slice(1), { stdio: "inherit" });
  const c = counts(stage);
  // A test stage that ran nothing has failed, whatever its exit code says.
  const ranNothing = stage !== "lint" && stage !== "typecheck" && c.passed + c.failed === 0;
  if (ranNothing) process.stdout.write(`=== ${stage}: no test ran ===\n`);
  const status = ranNothing ? 1 : r.status;
  passed += c.passed;
  failed += c.failed;
  skipped += c.skipped;
  process.stdout.write(
    `=== ${stage}: ${status === 0 ? "ok" : "FAILED"} in ${Math.round((Date.now() - started) / 1000)} s ===\n`,
  );
  if (status !== 0) {
    ok = false;
    if (c.failed === 0) failed += 1; // lint/typecheck or a crash: count the stage itself as a failure
    break;
  }
}
process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}\n`);
process.exit(ok ? 0 : 1);
