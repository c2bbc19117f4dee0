import { apiHandler, readJson } from "@/lib/http/api";
import { addComment } from "@/lib/complaints/service";

type Params = { number: string };

export const POST = apiHandler<Params>(async ({ actor, req }, { number }) =>
  Response.json(await addComment(actor, number, await readJson(req)), { status: 201 }),
);
