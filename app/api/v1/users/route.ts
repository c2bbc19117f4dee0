import { apiHandler, queryObject, readJson } from "@/lib/http/api";
import { canListUsers } from "@/lib/auth/policy";
import { ForbiddenError } from "@/lib/errors";
import { getUser, listUsers, toUserDto } from "@/lib/users/queries";
import { createUser } from "@/lib/users/service";

export const GET = apiHandler(async ({ actor, url }) => {
  const page = await listUsers(actor, queryObject(url));
  return { ...page, items: page.items.map((u) => toUserDto(u)) };
});

export const POST = apiHandler(async ({ actor, req }) => {
  // Non-admins are refused before their input is judged: a 403, not a list of field errors.
  if (!canListUsers(actor)) throw new ForbiddenError();
  const created = await createUser(actor, await readJson(req));
  return Response.json(toUserDto(await getUser(actor, created.id)), { status: 201 });
});
