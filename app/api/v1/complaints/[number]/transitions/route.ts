import { apiHandler, readJson } from "@/lib/http/api";
import { requireComplaintDetail } from "@/lib/complaints/queries";
import { transitionComplaint } from "@/lib/complaints/service";

type Params = { number: string };

export const POST = apiHandler<Params>(async ({ actor, req }, { number }) => {
  const updated = await transitionComplaint(actor, number, await readJson(req));
  return requireComplaintDetail(actor, updated.number);
});
