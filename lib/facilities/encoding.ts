// Text encoding of uploaded CSV files: UTF-8 with or without BOM, or GB18030 (a superset of
// GBK/GB2312, what Excel on Chinese Windows writes as "CSV"). Anything else — UTF-16, binary
// files, a ZIP that is not XLSX — is refused as "wrong encoding" instead of imported as mojibake.
import iconv from "iconv-lite";

export type CsvEncoding = "utf-8" | "utf-8-bom" | "gb18030";

export type DecodeResult = { ok: true; text: string; encoding: CsvEncoding } | { ok: false };

// NUL and C0 controls other than TAB/LF/CR, U+FFFD (undecodable), private-use characters
// (what GB18030 makes of binary noise in its user-defined areas).
const IMPLAUSIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd\ue000-\uf8ff]/;

function plausible(text: string): boolean {
  return !IMPLAUSIBLE.test(text);
}

export function decodeCsvBytes(bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    try {
      const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes.subarray(3));
      return plausible(text) ? { ok: true, text, encoding: "utf-8-bom" } : { ok: false };
    } catch {
      return { ok: false };
    }
  }
  // UTF-16 (Excel's "Unicode text") is not CSV: refuse rather than guess.
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false };
  }
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return plausible(text) ? { ok: true, text, encoding: "utf-8" } : { ok: false };
  } catch {
    // not UTF-8: try GB18030 below
  }
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030");
  return plausible(text) ? { ok: true, text, encoding: "gb18030" } : { ok: false };
}

/** ZIP local-file header: an XLSX (or another ZIP) whatever the declared content type. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
