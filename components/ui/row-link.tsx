// A link inside a list or table: the look of MUI's Link (underline on hover, kit.css) on Next.js's
// client-side navigation, without prefetching — a list of fifty rows would otherwise make the
// browser fetch fifty pages' route data on every visit.
import Link from "next/link";
import type { ReactNode } from "react";

export function RowLink({ href, children, testId }: { href: string; children: ReactNode; testId?: string }) {
  return (
    <Link href={href} className="yb-link" prefetch={false} data-testid={testId}>
      {children}
    </Link>
  );
}
