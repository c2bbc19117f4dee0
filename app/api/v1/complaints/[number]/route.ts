import { apiHandler } from "@/lib/http/api";
import { parseInput } from "@/lib/validation";
import { requireComplaintDetail } from "@/lib/complaints/queries";
import { unmaskComplainant } from "@/lib/complaints/service";
import { detailQuerySchema } from "@/lib/complaints/schemas";

type Params = { number: string };

export const GET = apiHandler<Params>(
  async ({ actor, query, req }, { number }) => {
    const { unmask } = parseInput(detailQuerySchema, query);
    const detail = await requireComplaintDetail(actor, number);
    if (unmask !== "true") return detail;
    const clear = await unmaskComplainant(actor, number, req.headers.get("x-forwarded-for"));
    return { ...detail, ...clear, unmasked: true };
  },
  { query: detailQuerySchema },
);
