import { describe, expect, it } from "vitest";
import { decryptValue, encryptValue, keyIdOf, newKeySpec, parseKeyring, searchHash, searchHashes } from "./pii";

const K1 = "k1:" + Buffer.alloc(32, 1).toString("base64");
const K2 = "k2:" + Buffer.alloc(32, 2).toString("base64url");
const ID_COL = "complaint_identity.id_number/0b9c4a9e-1111-4222-8333-944455556666";
const PHONE_COL = "complaint_identity.phone/0b9c4a9e-1111-4222-8333-944455556666";

describe("PII encryption", () => {
  const ring = parseKeyring(K1);

  it("round-trips, with a fresh IV per value and the key id in the value", () => {
    const a = encryptValue(ring, ID_COL, "13100219850715003X");
    const b = encryptValue(ring, ID_COL, "13100219850715003X");
    expect(a).toMatch(/^v1:k1:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("13100219850715003X");
    expect(keyIdOf(a)).toBe("k1");
    expect(decryptValue(ring, ID_COL, a)).toBe("13100219850715003X");
    expect(decryptValue(ring, ID_COL, encryptValue(ring, ID_COL, "张三 ☎"))).toBe("张三 ☎");
  });

  it("refuses a changed value, key id or version", () => {
    const v = encryptValue(ring, ID_COL, "131002198507150036");
    const body = Buffer.from(v.slice(6), "base64url");
    body[20] = body[20]! ^ 1;
    expect(() => decryptValue(ring, ID_COL, `v1:k1:${body.toString("base64url")}`)).toThrow();
    expect(() => decryptValue(ring, ID_COL, v.slice(0, -2))).toThrow();
    expect(() => decryptValue(ring, ID_COL, "v1:k1:AAAA")).toThrow();
    expect(() => decryptValue(ring, ID_COL, v.replace(/^v1/, "v2"))).toThrow();
    // The same key material under another id: the id is bound into the associated data.
    const alias = parseKeyring(`k9:${K1.slice(3)},${K1}`);
    expect(() => decryptValue(alias, ID_COL, v.replace("v1:k1:", "v1:k9:"))).toThrow();
  });

  it("refuses a value moved to another column or row", () => {
    const phone = encryptValue(ring, PHONE_COL, "13912345678");
    expect(() => decryptValue(ring, ID_COL, phone)).toThrow();
    expect(() => decryptValue(ring, PHONE_COL.replace("0b9c", "1b9c"), phone)).toThrow();
    expect(decryptValue(ring, PHONE_COL, phone)).toBe("13912345678");
  });

  it("decrypts with an older key after a new current key is added; refuses an unknown key", () => {
    const old = encryptValue(ring, ID_COL, "131002198507150036");
    const rotated = parseKeyring(`${K2},${K1}`);
    expect(rotated.current).toBe("k2");
    expect(decryptValue(rotated, ID_COL, old)).toBe("131002198507150036");
    expect(keyIdOf(encryptValue(rotated, ID_COL, "x"))).toBe("k2");
    expect(() => decryptValue(parseKeyring(K2), ID_COL, old)).toThrow(/k1 is not in PII_KEYS/);
  });

  it("parses the setting strictly and never echoes the key", () => {
    for (const bad of ["", "k1", "k1:", "k1:abcd", `bad id:${K1.slice(3)}`, `${K1},${K1}`])
      expect(() => parseKeyring(bad)).toThrow(/PII_KEYS/);
    try {
      parseKeyring(`k1:${Buffer.alloc(31, 7).toString("base64")}`);
    } catch (e) {
      expect(String(e)).not.toContain(Buffer.alloc(31, 7).toString("base64"));
    }
    expect(parseKeyring(newKeySpec("k3")).current).toBe("k3");
  });
});

describe("search hashes", () => {
  const ring = parseKeyring(K1);

  it("are stable, normalised and separate per kind and key", () => {
    const h = searchHash(ring, "idNumber", "13100219850715003X");
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(searchHash(parseKeyring(K1), "idNumber", "13100219850715003x")).toBe(h);
    expect(searchHash(ring, "idNumber", " 13100219850715003X ")).toBe(h);
    expect(searchHash(ring, "idNumber", "131002198507150036")).not.toBe(h);
    expect(searchHash(ring, "phone", "139-1234 5678")).toBe(searchHash(ring, "phone", "13912345678"));
    expect(searchHash(ring, "phone", "13912345678")).not.toBe(searchHash(ring, "idNumber", "13912345678"));
    const both = parseKeyring(`${K2},${K1}`);
    expect(searchHashes(both, "phone", "13912345678")).toEqual([
      searchHash(both, "phone", "13912345678"),
      searchHash(ring, "phone", "13912345678"),
    ]);
    expect(searchHashes(both, "phone", "1")[0]).not.toBe(searchHashes(both, "phone", "1")[1]);
  });
});
