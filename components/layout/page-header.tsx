import type { ReactNode } from "react";

/** Title row of a console page: title, optional subtitle, actions on the right (shell.css). */
export function PageHeader({ title, subtitle, actions }: { title: string; subtitle?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="yb-page-header">
      <div>
        <h1 className="yb-page-title">{title}</h1>
        {subtitle && <p className="yb-page-subtitle">{subtitle}</p>}
      </div>
      {actions && <div className="yb-page-actions">{actions}</div>}
    </div>
  );
}
