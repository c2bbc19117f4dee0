// List pages keep their whole state (filters, page) in the URL; the kit reads it back
// (components/ui/url-query.ts). Kept for the pages that import it from here.
import type { RawParams } from "@/components/ui/url-query";

export { pickParams } from "@/components/ui/url-query";
export type SearchParams = Promise<RawParams>;
