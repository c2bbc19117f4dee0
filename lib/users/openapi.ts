// OpenAPI registration of /me and /users (filled in with the users API).
import type { Registrar } from "../http/openapi";

export const registerUsersApi: Registrar = () => {};
