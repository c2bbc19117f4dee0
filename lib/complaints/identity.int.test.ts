// The complainant's phone and ID number at rest (decision 012), against a real PostgreSQL: what a
// SELECT shows, unmask and masks as before, exact search through the keyed hashes within the
// caller's scope, rows left in clear by an older release encrypted by the prepare step, and key
// rotation.
import { describe, expect, it } from "vitest";
import { createActor } from "@/tests/factories";
import { createTicket } from "@/tests/factories/complaints";
import { prisma } from "../db/client";
import { withPgClient } from "../db/pg";
import { prepareDatabase } from "../ops/prepare";
import { databaseUrl, env } from "../env";
import { keyIdOf, newKeySpec, parseKeyring } from "../crypto/pii";
import { encryptPendingIdentities, identitySearch, openIdentity, rotateIdentities, sealIdentity } from "./identity";
import { requireComplaintDetail, listComplaints } from "./queries";
import { unmaskComplainant } from "./service";

type Row = Record<
  "complaint_id" | "name" | "phone" | "id_number" | "phone_enc" | "phone_hmac" | "id_number_enc" | "id_number_hmac",
  string | null
>;
const rowOf = (complaintId: string) =>
  withPgClient(
    async (c) =>
      (await c.query<Row>("SELECT * FROM complaint_identity WHERE complaint_id = $1", [complaintId])).rows[0]!,
  );
const found = async (actor: Parameters<typeof listComplaints>[0], q: string) =>
  (await listComplaints(actor, { q, pageSize: 200 })).items.map((i) => i.number);

describe("complainant phone and ID number at rest", () => {
  it("are ciphertext in the table, clear through unmask, masked as before, found by exact search in scope", async () => {
    const bj = await createActor("110000", ["COMPLAINT_HANDLER"]);
    const lf = await createActor("131000", ["COMPLAINT_HANDLER"]);
    const sh = await createActor("310000", ["COMPLAINT_HANDLER"]);
    const ticket = await createTicket(bj, {
      complainantIdNumber: "13100219900101123x",
      complainantPhone: "139-0011 2233",
    });
    const other = await createTicket(bj, {
      complainantIdNumber: "131002199001011241",
      complainantPhone: "13900112234",
    });

    const row = await rowOf(ticket.id);
    for (const [column, value] of Object.entries(row)) {
      for (const clear of ["13100219900101123X", "13100219900101123x", "1390011", "0011 2233", "13900112233"])
        expect({ column, has: value?.includes(clear) ?? false }).toEqual({ column, has: false });
    }
    expect(row).toMatchObject({ phone: null, id_number: null, name: "张秀兰" });
    expect(row.id_number_enc).toMatch(/^v1:it1:[A-Za-z0-9_-]{40,}$/);
    expect(row.phone_enc).toMatch(/^v1:it1:/);
    expect(row.id_number_hmac).toMatch(/^[0-9a-f]{64}$/);

    expect(await unmaskComplainant(bj, ticket.number)).toEqual({
      complainantName: "张秀兰",
      complainantIdNumber: "13100219900101123X",
      complainantPhone: "139-0011 2233",
    });
    const detail = await requireComplaintDetail(bj, ticket.number);
    expect(detail).toMatchObject({
      complainantName: "张**",
      complainantIdNumber: "1310**********123X",
      complainantPhone: "139******2233",
    });

    // The create's audit record holds the masked name only.
    const audit = JSON.stringify(
      await prisma.auditLog.findMany({ where: { entityId: ticket.number }, select: { before: true, after: true } }),
    );
    for (const clear of ["13100219900101123X", "13900112233", "139-0011 2233", "张秀兰"])
      expect(audit).not.toContain(clear);

    for (const q of ["13100219900101123X", "13100219900101123x", "13900112233", "139 0011 2233", "139-0011-2233"]) {
      expect({ q, found: await found(bj, q) }).toEqual({ q, found: [ticket.number] });
      expect({ q, found: await found(lf, q) }).toEqual({ q, found: [ticket.number] });
      expect({ q, found: await found(sh, q) }).toEqual({ q, found: [] });
    }
    expect(await found(bj, "131002199001011241")).toEqual([other.number]);
    for (const q of ["131002199001011239", "1310021990010112", "13900112", "123X"])
      expect({ q, found: await found(bj, q) }).toEqual({ q, found: [] });
    expect(identitySearch("协和医院")).toBeNull();
  });

  it("rows an older release left in clear are encrypted by the prepare step, idempotently", async () => {
    const bj = await createActor("110000", ["COMPLAINT_HANDLER"]);
    const ticket = await createTicket(bj, {
      complainantIdNumber: "110101198001010018",
      complainantPhone: "13811112222",
    });
    await withPgClient((c) =>
      c.query(
        `UPDATE complaint_identity SET phone = '13811112222', id_number = '110101198001010018', phone_enc = NULL, phone_hmac = NULL, id_number_enc = NULL, id_number_hmac = NULL
          WHERE complaint_id = $1`,
        [ticket.id],
      ),
    );
    // Meanwhile unmask still answers (from the clear columns) and search does not find it yet.
    expect(await unmaskComplainant(bj, ticket.number)).toMatchObject({ complainantIdNumber: "110101198001010018" });
    expect(await found(bj, "110101198001010018")).toEqual([]);

    await prepareDatabase(databaseUrl(), { demo: false });
    const row = await rowOf(ticket.id);
    expect(row).toMatchObject({ phone: null, id_number: null });
    expect(JSON.stringify(row)).not.toContain("110101198001010018");
    expect(keyIdOf(row.id_number_enc!)).toBe("it1");
    expect(await unmaskComplainant(bj, ticket.number)).toMatchObject({
      complainantIdNumber: "110101198001010018",
      complainantPhone: "13811112222",
    });
    expect(await found(bj, "110101198001010018")).toEqual([ticket.number]);
    expect(await found(bj, "13811112222")).toEqual([ticket.number]);
    // Nothing left to do; no key asked for.
    expect(
      await withPgClient((c) =>
        encryptPendingIdentities(c, () => {
          throw new Error("asked for a key");
        }),
      ),
    ).toBe(0);
  }, 90_000);

  it("rotation re-encrypts every value under the new current key; the old key is then no longer needed", async () => {
    const bj = await createActor("110000", ["COMPLAINT_HANDLER"]);
    const ticket = await createTicket(bj, {
      complainantIdNumber: "120101197505050056",
      complainantPhone: "13722223333",
    });
    const before = await rowOf(ticket.id);
    const k2 = newKeySpec("k2");
    const withNew = parseKeyring(`${k2},${env().PII_KEYS}`);

    const total = Number(
      (
        await withPgClient((c) =>
          c.query("SELECT count(*) FROM complaint_identity WHERE id_number_enc IS NOT NULL OR phone_enc IS NOT NULL"),
        )
      ).rows[0].count,
    );
    const report = await withPgClient((c) => rotateIdentities(c, withNew, 2));
    expect(report).toEqual({ encrypted: 0, rotated: { it1: total }, current: "k2" });
    const after = await rowOf(ticket.id);
    expect(keyIdOf(after.id_number_enc!)).toBe("k2");
    expect(keyIdOf(after.phone_enc!)).toBe("k2");
    expect(after.id_number_hmac).not.toBe(before.id_number_hmac);
    const open = (ring: typeof withNew) =>
      openIdentity(ring, ticket.id, {
        phone: after.phone,
        idNumber: after.id_number,
        phoneEnc: after.phone_enc,
        idNumberEnc: after.id_number_enc,
      });
    expect(open(withNew)).toEqual({ idNumber: "120101197505050056", phone: "13722223333" });
    expect(open(parseKeyring(k2))).toEqual({ idNumber: "120101197505050056", phone: "13722223333" });
    expect(() => open(parseKeyring(env().PII_KEYS!))).toThrow(/k2 is not in PII_KEYS/);
    expect(after.id_number_hmac).toBe(identitySearch("120101197505050056", () => parseKeyring(k2))!.idNumber[0]);
    // Run again: nothing under an older key.
    expect((await withPgClient((c) => rotateIdentities(c, withNew))).rotated).toEqual({});

    // And back to the test key (the process's own PII_KEYS), so the services read them again.
    const back = await withPgClient((c) => rotateIdentities(c, parseKeyring(`${env().PII_KEYS},${k2}`)));
    expect(back.rotated).toEqual({ k2: total });
    expect(await unmaskComplainant(bj, ticket.number)).toMatchObject({
      complainantIdNumber: "120101197505050056",
      complainantPhone: "13722223333",
    });
    expect(await found(bj, "120101197505050056")).toEqual([ticket.number]);
  });

  it("a value moved to another row or column does not decrypt", async () => {
    const ring = parseKeyring(env().PII_KEYS!);
    const a = sealIdentity(ring, "00000000-0000-4000-8000-000000000001", {
      phone: "13700000001",
      idNumber: "110101198001010018",
    });
    expect(() =>
      openIdentity(ring, "00000000-0000-4000-8000-000000000002", {
        phone: null,
        idNumber: null,
        phoneEnc: a.phoneEnc,
        idNumberEnc: null,
      }),
    ).toThrow();
    expect(() =>
      openIdentity(ring, "00000000-0000-4000-8000-000000000001", {
        phone: null,
        idNumber: null,
        phoneEnc: a.idNumberEnc,
        idNumberEnc: null,
      }),
    ).toThrow();
  });
});
