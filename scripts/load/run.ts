// Load runners. Open loop: requests start at fixed, evenly spread instants (rate r → one every
// 1/r s), whether or not earlier ones have answered, and latency counts from the instant a
// request was due — so a slow server cannot slow the load down and hide its own queueing
// (no coordinated omission). Closed loop: `concurrency` sessions in a row without pause, for the
// throughput at saturation.
import { request } from "../../tests/support/http";
import { headersOf, nextStep, type Session, type Step } from "./mix";

export interface Outcome {
  latencies: number[];
  errors: number;
  errorSamples: string[];
  completed: number;
  seconds: number;
  byKind: Record<Step["kind"], number[]>;
}

export interface Summary {
  requests: number;
  achieved: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  errors: number;
  documentP50: number;
  navigationP50: number;
  apiP50: number;
  errorSamples: string[];
}

const quantile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : NaN;

export function summarize(o: Outcome): Summary {
  const s = [...o.latencies].sort((a, b) => a - b);
  const med = (xs: number[]) =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  return {
    requests: o.completed + o.errors,
    achieved: o.completed / o.seconds,
    p50: quantile(s, 0.5),
    p95: quantile(s, 0.95),
    p99: quantile(s, 0.99),
    max: s.length ? s[s.length - 1]! : NaN,
    errors: o.errors,
    documentP50: med(o.byKind.document),
    navigationP50: med(o.byKind.navigation),
    apiP50: med(o.byKind.api),
    errorSamples: o.errorSamples,
  };
}

function newOutcome(): Outcome {
  return {
    latencies: [],
    errors: 0,
    errorSamples: [],
    completed: 0,
    seconds: 0,
    byKind: { document: [], navigation: [], api: [] },
  };
}

async function one(base: string, s: Session, due: number, out: Outcome): Promise<void> {
  const step = nextStep(s);
  try {
    const a = await request(base + step.path, { headers: headersOf(s, step), agent: s.agent });
    const ms = performance.now() - due;
    if (a.status !== 200) {
      out.errors += 1;
      if (out.errorSamples.length < 5) out.errorSamples.push(`${a.status} ${s.user} ${step.path}`);
      return;
    }
    out.completed += 1;
    out.latencies.push(ms);
    out.byKind[step.kind].push(ms);
  } catch (e) {
    out.errors += 1;
    if (out.errorSamples.length < 5) out.errorSamples.push(`${(e as Error).message} ${s.user} ${step.path}`);
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** `rate` requests a second for `seconds`, spread evenly; sessions take turns. */
export async function openLoop(base: string, sessions: Session[], rate: number, seconds: number): Promise<Summary> {
  const out = newOutcome();
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const start = performance.now() + 50;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    pending.push(one(base, sessions[i % sessions.length]!, due, out));
  }
  await Promise.all(pending);
  // Throughput over the whole run, waiting for the last answer included.
  out.seconds = (performance.now() - start) / 1000;
  return summarize(out);
}

/** `concurrency` loops without pause for `seconds`: the throughput at saturation. */
export async function closedLoop(
  base: string,
  sessions: Session[],
  concurrency: number,
  seconds: number,
): Promise<Summary> {
  const out = newOutcome();
  const start = performance.now();
  const until = start + seconds * 1000;
  let turn = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < until) {
        const s = sessions[turn++ % sessions.length]!;
        await one(base, s, performance.now(), out);
      }
    }),
  );
  out.seconds = (performance.now() - start) / 1000;
  return summarize(out);
}
