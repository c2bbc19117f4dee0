// Shim: the one URL-state hook is the kit's (components/ui/use-url-state.ts). Kept only for
// app/(console)/complaints/**, which still imports this path; remove when it moves.
export { useUrlState } from "@/components/ui/use-url-state";
