// The read and spool stages together, without a database: a file becomes chunks on disk whose
// spools hold every record once, cut where the chunk policy says.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { bodyOf, settlementCsv, type SettlementRow } from "@/tests/factories/settlements";
import { ValidationError } from "../../errors";
import { RowDecoder } from "./decode";
import { readFile } from "./read";
import { ChunkSpool, ScratchFiles } from "./spool";
import { newOutcome, type Chunk, type ImportOutcome } from "./types";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "spool-test-"));
afterEach(() => {
  for (const f of fs.readdirSync(dir)) fs.rmSync(path.join(dir, f));
});

async function spoolFile(text: string, chunkRows: number): Promise<{ chunks: Chunk[]; outcome: ImportOutcome }> {
  const outcome = newOutcome(9);
  const spool = new ChunkSpool(new ScratchFiles(path.join(dir, "t")), new Set([202501, 202502]), chunkRows, 100);
  const decoder = new RowDecoder(
    { importId: 9, regions: new Set(["110105", "131002"]), scopePrefix: "" },
    spool,
    outcome,
  );
  const chunks: Chunk[] = [];
  await readFile(bodyOf(text), decoder, spool, outcome, async (c) => void chunks.push(c));
  return { chunks, outcome };
}

const lines = (f: string | null) => (f ? fs.readFileSync(f, "utf8").split("\n").filter(Boolean) : []);

describe("read → decode → spool", () => {
  it("cuts small first chunks at month ends and spools every record once", async () => {
    const rows: SettlementRow[] = [];
    for (let i = 0; i < 40; i++)
      rows.push({ settlement_id: `S${i}`, settled_at: `2025-0${i < 20 ? 1 : 2}-1${i % 10}T10:00:00+08:00` });
    rows.push({ settlement_id: "S3", settled_at: "2025-01-20T10:00:00+08:00", status: "REVERSED" });
    rows.push({ settlement_id: "N1", settled_at: "2025-03-01T10:00:00+08:00" });
    const { chunks, outcome } = await spoolFile(settlementCsv(rows), 16);
    expect(outcome).toMatchObject({ encoding: "utf-8", rowsRead: 42, rejectedTotal: 0 });
    // Targets 2, 4, 8, 16 rows: the first two chunks end at twice their target inside January, the
    // third at February's start; past 16 the February chunk waits for the next month (March).
    expect(chunks.map((c) => c.rows + c.freshRows)).toEqual([4, 8, 8, 20, 1]);
    expect(chunks.map((c) => c.reversals.length)).toEqual([0, 0, 0, 1, 0]);
    const ids = chunks.flatMap((c) => lines(c.spool).map((l) => l.split("\t")[0]));
    expect(new Set(ids).size).toBe(40);
    expect(chunks.flatMap((c) => c.freshMonths)).toEqual(["2025-03"]);
    expect(chunks.flatMap((c) => lines(c.freshSpool))).toHaveLength(1);
    expect(Buffer.concat(chunks.flatMap((c) => c.reversals)).toString("utf8")).toContain("S3");
    expect(chunks.every((c) => (c.rows ? c.deltas !== null : c.deltas === null))).toBe(true);
  });

  it("refuses an empty file", async () => {
    await expect(spoolFile("", 16)).rejects.toBeInstanceOf(ValidationError);
  });
});
