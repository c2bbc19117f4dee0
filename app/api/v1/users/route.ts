import { apiHandler, created, readJson } from "@/lib/http/api";
import { listUsersSchema } from "@/lib/users/schemas";
import { requireUser, listUsers, toUserDto } from "@/lib/users/queries";
import { createUser } from "@/lib/users/service";
import { requireAnyRole } from "@/lib/auth/require-role";

export const GET = apiHandler(
  async ({ actor, query }) => {
    const page = await listUsers(actor, query);
    return { ...page, items: page.items.map((u) => toUserDto(u)) };
  },
  { query: listUsersSchema },
);

export const POST = apiHandler(async ({ actor, req }) => {
  // Non-admins are refused before their input is judged: a 403, not a list of field errors.
  requireAnyRole(actor, ["ADMIN"]);
  const user = await createUser(actor, await readJson(req));
  return created(`/users/${user.id}`, toUserDto(await requireUser(actor, user.id)));
});
