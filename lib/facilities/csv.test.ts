import { describe, expect, it } from "vitest";
import { CsvParser, csvField, csvLine, parseCsv, parseCsvChunks } from "./csv";

describe("CSV parser (RFC 4180)", () => {
  it("reads plain fields, quoted fields, escaped quotes and empty fields", () => {
    expect(parseCsv('a,b,c\r\n1,"x, y","say ""hi"""\r\n,,\r\n')).toEqual([
      ["a", "b", "c"],
      ["1", "x, y", 'say "hi"'],
      ["", "", ""],
    ]);
  });

  it("keeps line breaks inside quotes and accepts LF, CRLF and CR line ends", () => {
    expect(parseCsv('a,"line1\r\nline2\nline3"\nb,c\rd,e')).toEqual([
      ["a", "line1\r\nline2\nline3"],
      ["b", "c"],
      ["d", "e"],
    ]);
  });

  it("drops a leading BOM, skips blank lines, reads a last line without a line break", () => {
    expect(parseCsv("\ufeffcode,name\n\n\nH1,友谊\n\r\nH2,协和")).toEqual([
      ["code", "name"],
      ["H1", "友谊"],
      ["H2", "协和"],
    ]);
  });

  it("is lenient with a stray quote inside an unquoted field and text after a closing quote", () => {
    expect(parseCsv('5"x,"ab"c\n')).toEqual([['5"x', "abc"]]);
  });

  it("gives the same records whatever the chunk boundaries", () => {
    const text = '\ufeffcode,name,note\r\nH1,"北京""友谊""医院","a,b\r\nc"\r\nH2,,"x"\r\n"",y,z\r\n';
    const whole = parseCsv(text);
    expect(whole).toHaveLength(4);
    for (let size = 1; size <= text.length; size++) {
      const p = new CsvParser();
      const out: string[][] = [];
      for (let i = 0; i < text.length; i += size) out.push(...p.push(text.slice(i, i + size)));
      out.push(...p.end());
      expect(out, `chunk size ${size}`).toEqual(whole);
    }
  });

  it("parses async chunk streams", async () => {
    async function* chunks() {
      yield 'a,"b';
      yield '"",c"\n1';
      yield ",2\n";
    }
    const out: string[][] = [];
    for await (const r of parseCsvChunks(chunks())) out.push(r);
    expect(out).toEqual([
      ["a", 'b",c'],
      ["1", "2"],
    ]);
  });
});

describe("CSV writer", () => {
  it("quotes only what needs quoting and round-trips", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField(" padded ")).toBe('" padded "');
    const rows = [
      ["H1", "北京友谊医院", 'x "y", z', "多行\r\n地址", ""],
      ["", " a", "b "],
    ];
    expect(parseCsv(rows.map(csvLine).join(""))).toEqual(rows);
    expect(csvLine(["a", "b"])).toBe("a,b\r\n");
  });
});
