// Synthetic settlement CSV for the demo data and the benchmark: deterministic (seeded PRNG),
// skewed like the published figures — Beijing and Shanghai treat the most cross-region
// patients; Hebei, Tianjin, Jiangsu, Zhejiang and Anhui insured travel the most, mostly within
// 京津冀 and 长三角. Also FAILED settlements (~1.5 %) and reversals (~0.4 %, same file).

/** mulberry32: small, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Weighted<T> = [T, number][];

function picker<T>(items: Weighted<T>): (r: number) => T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  const cum: number[] = [];
  let acc = 0;
  for (const [, w] of items) cum.push((acc += w / total));
  return (r) => {
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (r <= cum[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]![0];
  };
}

/** Visit counties (就医地) by weight: Beijing and Shanghai first. */
const VISIT_COUNTIES: Weighted<string> = [
  ["110101", 7],
  ["110102", 8],
  ["110105", 7],
  ["110106", 4],
  ["110108", 8],
  ["110112", 3],
  ["310101", 6],
  ["310104", 7],
  ["310105", 3],
  ["310106", 5],
  ["310110", 4],
  ["310115", 6],
  ["120101", 3],
  ["120103", 2],
  ["120104", 2],
  ["130102", 2],
  ["130104", 2],
  ["131002", 2],
  ["131003", 1.5],
  ["131082", 2.5],
  ["130602", 1],
  ["130705", 0.5],
  ["320102", 3],
  ["320505", 2.5],
  ["330106", 3],
  ["330102", 2],
  ["340104", 1.5],
];

/** Home pooling areas (参保地) by weight, per region cluster of the visit. */
const HOMES_JJJ: Weighted<string> = [
  ["130100", 8],
  ["130200", 5],
  ["130600", 7],
  ["130700", 3],
  ["131000", 6],
  ["130900", 4],
  ["130400", 4],
  ["120000", 9],
  ["110000", 6],
  ["410100", 3],
  ["230100", 2],
  ["370100", 3],
  ["140100", 2],
  ["150100", 1.5],
  ["210100", 1.5],
  ["220100", 1],
  ["340100", 1],
  ["320100", 1],
  ["420100", 1],
  ["510100", 0.8],
  ["610100", 0.8],
];
const HOMES_YRD: Weighted<string> = [
  ["320100", 6],
  ["320500", 5],
  ["320200", 4],
  ["330100", 6],
  ["330200", 4],
  ["330300", 3],
  ["340100", 6],
  ["341200", 4],
  ["340200", 2],
  ["310000", 4],
  ["360100", 2],
  ["350100", 1.5],
  ["420100", 1.5],
  ["410100", 1],
  ["510100", 1],
  ["500000", 1],
  ["440100", 0.5],
  ["130100", 0.8],
  ["120000", 0.6],
  ["530100", 0.4],
  ["620100", 0.3],
  ["450100", 0.4],
];

const SERVICES: Weighted<string> = [
  ["OUTPATIENT", 62],
  ["INPATIENT", 14],
  ["CHRONIC", 12],
  ["PHARMACY", 12],
];
const FILINGS: Weighted<string> = [
  ["RELOCATED", 22],
  ["RESIDENT", 30],
  ["REFERRAL", 14],
  ["EMERGENCY", 6],
  ["TEMPORARY", 10],
  ["FILING_FREE", 12],
  ["", 6],
];

export interface GeneratorOptions {
  /** Rows to generate (SETTLED + FAILED + REVERSED), approximately. */
  rows: number;
  /** First and last Beijing-time day, inclusive: "2024-11-01", "2026-10-31". */
  from: string;
  to: string;
  seed?: number;
  /** Institutions per visit county (synthetic codes H + county + serial) or given codes by county. */
  institutionsPerCounty?: number;
  institutions?: Map<string, string[]>;
  /** Yearly growth of volumes (0.25 = +25 % a year), so the demo has YoY. */
  growth?: number;
  /** Visit counties added to the usual ones with their weights (the benchmark's 示范区 counties). */
  extraVisitCounties?: [string, number][];
}

const pad = (n: number, w: number) => String(n).padStart(w, "0");

/** CSV text chunks (header first), roughly 256 KiB each. */
export function* generateSettlementCsv(o: GeneratorOptions): Generator<string> {
  const rnd = prng(o.seed ?? 20261125);
  const counties: Weighted<string> = [...VISIT_COUNTIES, ...(o.extraVisitCounties ?? [])];
  const visit = picker(counties);
  const homeJjj = picker(HOMES_JJJ);
  const homeYrd = picker(HOMES_YRD);
  const service = picker(SERVICES);
  const filing = picker(FILINGS);
  const perCounty = o.institutionsPerCounty ?? 4;
  const institutions = new Map<string, string[]>();
  for (const [county] of counties) {
    const given = o.institutions?.get(county);
    institutions.set(
      county,
      given?.length ? given : Array.from({ length: perCounty }, (_, i) => `H${county}${pad(i + 1, 5)}`),
    );
  }
  const start = Date.parse(`${o.from}T00:00:00Z`);
  const end = Date.parse(`${o.to}T00:00:00Z`);
  const days = Math.round((end - start) / 86400_000) + 1;
  const growth = o.growth ?? 0.25;
  // Volume of day d ∝ (1+growth)^(d/365) × weekday factor; scaled to o.rows in total.
  const factors: number[] = [];
  for (let d = 0; d < days; d++) {
    const wd = new Date(start + d * 86400_000).getUTCDay();
    factors.push(Math.pow(1 + growth, d / 365) * (wd === 0 || wd === 6 ? 0.55 : 1.1));
  }
  const scale = o.rows / 1.006 / factors.reduce((s, f) => s + f, 0);

  let out =
    "settlement_id,settled_at,visit_region,home_region,institution_code,service_type,filing_type,total_cost,fund_paid,status\n";
  for (let d = 0; d < days; d++) {
    const dayMs = start + d * 86400_000;
    const date = new Date(dayMs).toISOString().slice(0, 10);
    const ymd = date.replaceAll("-", "");
    const n = Math.round(factors[d]! * scale);
    for (let i = 0; i < n; i++) {
      const v = visit(rnd());
      const p = v.slice(0, 2);
      const yrd = p === "31" || p === "32" || p === "33" || p === "34";
      let h = yrd ? homeYrd(rnd()) : homeJjj(rnd());
      // A settlement in one's own pooling area is not cross-region: redraw once, else skip.
      if (h.slice(0, 4) === v.slice(0, 4) || (h.endsWith("0000") && h.slice(0, 2) === p)) {
        h = yrd ? homeYrd(rnd()) : homeJjj(rnd());
        if (h.slice(0, 4) === v.slice(0, 4) || (h.endsWith("0000") && h.slice(0, 2) === p)) continue;
      }
      const list = institutions.get(v)!;
      // A few large hospitals take most visits: index skewed towards 0.
      const inst = list[Math.floor(Math.pow(rnd(), 2.2) * list.length)]!;
      const svc = service(rnd());
      const fil = filing(rnd());
      const base = svc === "INPATIENT" ? 9000 : svc === "CHRONIC" ? 520 : svc === "PHARMACY" ? 140 : 260;
      const totalFen = Math.max(100, Math.round(base * 100 * (0.35 + 1.6 * rnd() * rnd() * 2)));
      const ratio = (svc === "INPATIENT" ? 0.56 : 0.5) + rnd() * 0.12 - (fil === "TEMPORARY" ? 0.1 : 0);
      const fundFen = Math.floor(totalFen * ratio);
      const secs = Math.floor(rnd() * 86400);
      // Beijing time most of the time; some senders write UTC.
      const utc = rnd() < 0.1;
      const t = utc
        ? new Date(dayMs + secs * 1000 - 8 * 3600_000).toISOString().slice(0, 19) + "Z"
        : `${date}T${pad(Math.floor(secs / 3600), 2)}:${pad(Math.floor(secs / 60) % 60, 2)}:${pad(secs % 60, 2)}+08:00`;
      const id = `S${ymd}${pad(i, 7)}`;
      const status = rnd() < 0.015 ? "FAILED" : "SETTLED";
      const money = `${Math.floor(totalFen / 100)}.${pad(totalFen % 100, 2)},${Math.floor(fundFen / 100)}.${pad(fundFen % 100, 2)}`;
      out += `${id},${t},${v},${h},${inst},${svc},${fil},${money},${status}\n`;
      if (status === "SETTLED" && rnd() < 0.004) {
        out += `${id},${date}T23:59:59+08:00,${v},${h},${inst},${svc},${fil},${money},REVERSED\n`;
      }
      if (out.length > 262_144) {
        yield out;
        out = "";
      }
    }
  }
  if (out) yield out;
}
