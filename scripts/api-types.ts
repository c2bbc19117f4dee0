// Writes docs/examples/api-types.ts: TypeScript types of the API generated from the OpenAPI
// document with openapi-typescript, as an integrator would generate them. `npm run api:types`;
// lib/http/api-client.test.ts fails when the checked-in file is stale.
import fs from "node:fs";
import { generatedApiTypes } from "../lib/api-document/api-types";

fs.writeFileSync("docs/examples/api-types.ts", await generatedApiTypes());
console.log("wrote docs/examples/api-types.ts");
