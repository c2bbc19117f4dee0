// OpenAPI registration of /me and /users, from the zod schemas the route handlers parse with.
import {
  conflictError,
  createdResponse,
  invalidStateError,
  jsonBody,
  jsonResponse,
  standardErrors,
  type Registrar,
} from "../http/openapi";
import {
  createUserSchema,
  disableUserQuerySchema,
  listUsersSchema,
  meSchema,
  updateUserSchema,
  userIdParamsSchema,
  userPageSchema,
  userSchema,
} from "./schemas";

const { 400: badRequest, 401: unauthenticated, 403: forbidden, 404: notFound } = standardErrors;

export const registerUsersApi: Registrar = (registry) => {
  registry.registerPath({
    method: "get",
    path: "/me",
    tags: ["Users"],
    summary: "The caller: user, bureau, region scope and roles",
    description:
      "Any signed-in caller, with a token or the session — also one who must first change a temporary password (every other call then answers 403 PASSWORD_CHANGE_REQUIRED). A cheap way to check a token.",
    responses: { 200: jsonResponse("The authenticated user", meSchema), 401: unauthenticated },
  });

  registry.registerPath({
    method: "get",
    path: "/users",
    tags: ["Users"],
    summary: "Users of the bureaus in the caller's region scope (administrators only)",
    description:
      "Paginated, sorted by bureau region then username. `status=LOCKED` lists accounts locked after failed sign-ins.",
    request: { query: listUsersSchema },
    responses: {
      200: jsonResponse("One page of users", userPageSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
    },
  });

  registry.registerPath({
    method: "post",
    path: "/users",
    tags: ["Users"],
    summary: "Create a user in a bureau within the caller's scope",
    description:
      "Administrators only (403). The bureau must lie in the caller's region (400 on `bureauId`). The password must pass the strength rule (at least 10 characters with letters and digits, zxcvbn score 3 of 4, not containing the username or name) and is temporary: the user changes it at first sign-in. A taken username is 409.",
    request: { body: jsonBody(createUserSchema) },
    responses: {
      201: createdResponse("The created user", userSchema),
      400: badRequest,
      401: unauthenticated,
      403: forbidden,
      ...conflictError,
    },
  });

  registry.registerPath({
    method: "get",
    path: "/users/{id}",
    tags: ["Users"],
    summary: "One user",
    description: "Administrators, for users of the bureaus in their region; an id outside that scope answers 404.",
    request: { params: userIdParamsSchema },
    responses: { 200: jsonResponse("The user", userSchema), 401: unauthenticated, 404: notFound },
  });

  registry.registerPath({
    method: "patch",
    path: "/users/{id}",
    tags: ["Users"],
    summary: "Change display name, roles or enabled state",
    description:
      "Changing roles or disabling takes effect on the user's next request. Admins cannot disable themselves or drop their own ADMIN role (422).",
    request: { params: userIdParamsSchema, body: jsonBody(updateUserSchema) },
    responses: {
      200: jsonResponse("The updated user", userSchema),
      400: badRequest,
      401: unauthenticated,
      404: notFound,
      ...conflictError,
      ...invalidStateError,
    },
  });

  registry.registerPath({
    method: "delete",
    path: "/users/{id}",
    tags: ["Users"],
    summary: "Disable a user",
    description:
      "Users are never deleted: the audit log refers to them. DELETE disables the account and ends its sessions; PATCH with `disabled: false` enables it again.",
    request: { params: userIdParamsSchema, query: disableUserQuerySchema },
    responses: {
      200: jsonResponse("The disabled user", userSchema),
      400: badRequest,
      401: unauthenticated,
      404: notFound,
      ...conflictError,
      ...invalidStateError,
    },
  });
};
