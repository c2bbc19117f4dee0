// Complaint factories: a ticket created through the service (so numbering, SLA clocks and the
// identity row are real), by a handler of the receiving bureau.
import type { Actor } from "../../lib/auth/actor";
import { createComplaint } from "../../lib/complaints/service";

export const TEST_ID_NUMBER = "131002198507150036";
export const TEST_PHONE = "13912345678";

export function complaintInput(overrides: Record<string, unknown> = {}) {
  return {
    channel: "HOTLINE",
    complainantName: "张秀兰",
    complainantPhone: TEST_PHONE,
    complainantIdNumber: TEST_ID_NUMBER,
    homeRegionCode: "131000",
    visitRegionCode: "110000",
    category: "SETTLEMENT_FAILED",
    priority: "NORMAL",
    description: "在北京住院出院结算失败，医院让我回廊坊报销。",
    ...overrides,
  };
}

export async function createTicket(owner: Actor, overrides: Record<string, unknown> = {}, now?: Date) {
  return createComplaint(owner, complaintInput(overrides), now);
}
