import { apiHandler, queryObject } from "@/lib/http/api";
import { parseInput } from "@/lib/validation";
import { getComplaintDetail } from "@/lib/complaints/queries";
import { unmaskComplainant } from "@/lib/complaints/service";
import { detailQuerySchema } from "@/lib/complaints/schemas";

type Params = { number: string };

export const GET = apiHandler<Params>(async ({ actor, url, req }, { number }) => {
  const { unmask } = parseInput(detailQuerySchema, queryObject(url));
  const detail = await getComplaintDetail(actor, number);
  if (unmask !== "1") return detail;
  const clear = await unmaskComplainant(actor, number, req.headers.get("x-forwarded-for"));
  return { ...detail, ...clear, unmasked: true };
});
