// Shim: paging with the page in the URL is the kit's (components/ui/url-pagination.tsx). Kept
// only for app/(console)/complaints/page.tsx, which still imports this path; remove when it moves.
export { UrlPagination } from "@/components/ui/url-pagination";
