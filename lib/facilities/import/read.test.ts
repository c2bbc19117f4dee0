// The read stage alone: the file's bytes as records, or the reason they cannot be read.
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { openSource, type RecordSource } from "./read";

async function records(source: RecordSource | { key: string }) {
  if ("key" in source) throw new Error(source.key);
  const out: { row: number; values: string[] }[] = [];
  for await (const r of source.records) out.push(r);
  return { format: source.format, encoding: source.encoding, out };
}

describe("openSource", () => {
  it("reads UTF-8 with a BOM and GB18030 CSV into numbered records", async () => {
    const text = "code,name\nH13100200001,廊坊市人民医院\n";
    const utf8 = await records(openSource(Buffer.from(`\ufeff${text}`, "utf8"), "text/csv", () => undefined));
    expect(utf8).toEqual({
      format: "csv",
      encoding: "utf-8-bom",
      out: [
        { row: 1, values: ["code", "name"] },
        { row: 2, values: ["H13100200001", "廊坊市人民医院"] },
      ],
    });
    const gb = await records(openSource(iconv.encode(text, "gb18030"), null, () => undefined));
    expect(gb.encoding).toBe("gb18030");
    expect(gb.out[1]!.values[1]).toBe("廊坊市人民医院");
  });

  it("names why a file cannot be read", () => {
    expect(openSource(new Uint8Array(), null, () => undefined)).toEqual({ key: "facilities.import.empty" });
    const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    expect(openSource(Buffer.from("a,b\n"), xlsxType, () => undefined)).toEqual({ key: "facilities.import.badXlsx" });
  });
});
