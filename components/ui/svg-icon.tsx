// Material icons as plain <svg>: the markup and look of MUI's SvgIcon (svg-icon.css) without a
// styled component per icon — the dashboard draws a dozen or more on every request, the region
// list one a row. Paths are those of @mui/icons-material. Usable from server and client components.
import "./svg-icon.css";

export const ICONS = {
  arrowUpward: "m4 12 1.41 1.41L11 7.83V20h2V7.83l5.58 5.59L20 12l-8-8z",
  arrowDownward: "m20 12-1.41-1.41L13 16.17V4h-2v12.17l-5.58-5.59L4 12l8 8z",
  infoOutlined:
    "M11 7h2v2h-2zm0 4h2v6h-2zm1-9C6.48 2 2 6.48 2 12s4.48 10 10 10 10-4.48 10-10S17.52 2 12 2m0 18c-4.41 0-8-3.59-8-8s3.59-8 8-8 8 3.59 8 8-3.59 8-8 8",
  fileDownloadOutlined:
    "M18 15v3H6v-3H4v3c0 1.1.9 2 2 2h12c1.1 0 2-.9 2-2v-3zm-1-4-1.41-1.41L13 12.17V4h-2v8.17L8.41 9.59 7 11l5 5z",
  chevronRight: "M10 6 8.59 7.41 13.17 12l-4.58 4.59L10 18l6-6z",
} as const;

/** `size` in px (MUI's `sx={{ fontSize }}`, 20 its "small"); without it 1.5rem, or what a Button's icon slot sets. */
export function Icon({ name, size }: { name: keyof typeof ICONS; size?: 14 | 16 | 20 }) {
  return (
    <svg
      className={size ? `yb-icon yb-icon-${size}` : "yb-icon"}
      focusable="false"
      aria-hidden="true"
      viewBox="0 0 24 24"
    >
      <path d={ICONS[name]} />
    </svg>
  );
}
