// Every page of the console, per role: the one list the page walk (walk.spec.ts) visits. A detail
// page names the list page it is reached from and the link to follow there (`from`), so the walk
// opens a real record of the demo data instead of a hard-coded id.
// A change request has no page of its own: it is shown in the checker's inbox (both states).

export interface WalkPage {
  /** Short name: the screenshot's file name and the test's message. */
  name: string;
  /** The path, or — for a detail page — a path template filled by `from`. */
  path: string;
  /** A detail page: the first link matching `link` on the list page `list` gives the path. */
  from?: { list: string; link: string; suffix?: string };
  /** A dialog opened by this button on the page, checked by axe while open. */
  dialog?: string;
}

export interface WalkRole {
  user: string;
  pages: WalkPage[];
}

export const WALK: WalkRole[] = [
  {
    user: "hb_roster",
    pages: [
      { name: "home-roster", path: "/" },
      // The roster opened on the manager's own province, so its first rows are records they may edit.
      { name: "facilities", path: "/facilities?region=130000" },
      {
        name: "facility",
        path: "",
        from: { list: "/facilities?region=130000", link: 'a[href^="/facilities/H13"]' },
        dialog: '[data-testid="change-status"]',
      },
      {
        name: "facility-edit",
        path: "",
        from: { list: "/facilities?region=130000", link: 'a[href^="/facilities/H13"]', suffix: "/edit" },
      },
      { name: "facility-new", path: "/facilities/new" },
      { name: "facility-changes", path: "/facilities/changes" },
      { name: "facility-changes-approved", path: "/facilities/changes?state=APPROVED" },
      { name: "facility-coverage", path: "/facilities/coverage" },
      { name: "facility-import", path: "/facilities/import" },
      { name: "regions", path: "/regions" },
      { name: "profile", path: "/profile" },
    ],
  },
  {
    user: "hb_agreement",
    pages: [
      { name: "agreements", path: "/agreements" },
      { name: "agreement", path: "", from: { list: "/agreements", link: 'td a[href^="/agreements/"]' } },
      {
        name: "agreement-edit",
        path: "",
        from: { list: "/agreements", link: 'td a[href^="/agreements/"]', suffix: "/edit" },
      },
      { name: "agreement-new", path: "/agreements/new" },
      { name: "agreement-check", path: "/agreements/check" },
      { name: "agreements-expiring", path: "/agreements/expiring?days=365" },
      { name: "agreements-matrix", path: "/agreements/matrix" },
    ],
  },
  {
    user: "hb_analyst",
    pages: [
      { name: "statistics", path: "/statistics" },
      { name: "statistics-import", path: "/statistics/import" },
    ],
  },
  {
    user: "hb_complaint",
    pages: [
      { name: "complaints", path: "/complaints" },
      // Every ticket in the bureau's scope (its own queues may be empty): the ticket opened is the first.
      { name: "complaints-all", path: "/complaints?queue=ALL" },
      // A ticket under investigation: the provincial handler may escalate it (the dialog checked).
      {
        name: "complaint",
        path: "",
        from: {
          list: "/complaints?queue=ALL",
          link: '[data-testid="complaint-row"]:has([data-state="INVESTIGATING"]) a[href^="/complaints/TS-"]',
        },
        dialog: '[data-testid^="action-"]',
      },
      { name: "complaint-new", path: "/complaints/new" },
      { name: "complaints-daily", path: "/complaints/daily" },
      { name: "complaints-downtimes", path: "/complaints/downtimes", dialog: '[data-testid="new-downtime"]' },
      { name: "complaints-reports", path: "/complaints/reports" },
    ],
  },
  {
    user: "hb_admin",
    pages: [
      { name: "home-admin", path: "/" },
      { name: "admin-users", path: "/admin/users", dialog: '[data-testid="new-user"]' },
      { name: "admin-user", path: "", from: { list: "/admin/users", link: 'a[href^="/admin/users/"]' } },
      { name: "admin-bureaus", path: "/admin/bureaus", dialog: '[data-testid^="edit-bureau-"]' },
      { name: "admin-audit", path: "/admin/audit" },
    ],
  },
];
