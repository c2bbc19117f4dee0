// OpenAPI registration of the regions endpoints (filled in with the regions API).
import type { Registrar } from "../http/openapi";

export const registerRegionsApi: Registrar = () => {};
