// A page's main column with a 340 px one beside it from 1200 px (a box of a form and a list),
// stacked below that. The children are usually Sections (they bring their own bottom margin).
import type { ReactNode } from "react";
import "./split.css";

export function Split({ children }: { children: ReactNode }) {
  return <div className="yb-split">{children}</div>;
}
