import crypto from "node:crypto";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeCsvBytes, looksLikeZip } from "./encoding";

const text = "code,name\r\nH11010200001,首都医科大学附属北京友谊医院\r\n";

describe("decodeCsvBytes", () => {
  it("reads UTF-8 with and without BOM", () => {
    expect(decodeCsvBytes(new TextEncoder().encode(text))).toEqual({ ok: true, text, encoding: "utf-8" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    expect(decodeCsvBytes(bom)).toEqual({ ok: true, text, encoding: "utf-8-bom" });
  });

  it("reads GB18030 (and so GBK) as Excel on Chinese Windows saves CSV", () => {
    const gb = new Uint8Array(iconv.encode(text + "廊坊市安次区中医院,燕郊\r\n", "gb18030"));
    expect(decodeCsvBytes(gb)).toEqual({ ok: true, text: text + "廊坊市安次区中医院,燕郊\r\n", encoding: "gb18030" });
    const gbk = new Uint8Array(iconv.encode("安次区", "gbk"));
    expect(decodeCsvBytes(gbk)).toMatchObject({ ok: true, text: "安次区" });
  });

  it("refuses binary noise, NUL bytes, UTF-16 and broken UTF-8 after a BOM", () => {
    expect(decodeCsvBytes(new Uint8Array(crypto.randomBytes(2048)))).toEqual({ ok: false });
    expect(decodeCsvBytes(new Uint8Array([0x61, 0x00, 0x62]))).toEqual({ ok: false });
    expect(decodeCsvBytes(new Uint8Array(iconv.encode("\ufeffcode,name", "utf-16le")))).toEqual({ ok: false });
    expect(decodeCsvBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0xff, 0xfe]))).toEqual({ ok: false });
  });

  it("spots ZIP (XLSX) files by their magic number", () => {
    expect(looksLikeZip(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1]))).toBe(true);
    expect(looksLikeZip(new TextEncoder().encode("PK,x"))).toBe(false);
  });
});
