"use client";
// Prints the page through the browser's dialog; the print stylesheet (components/ui/print.css)
// keeps only the record: no navigation, forms or buttons (this one included).
import Button from "@mui/material/Button";
import PrintOutlined from "@mui/icons-material/PrintOutlined";
import { useT } from "@/components/i18n/i18n-provider";

export function PrintButton({ label }: { label?: string }) {
  const t = useT();
  return (
    <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()} data-testid="print">
      {label ?? t("ui.print.action")}
    </Button>
  );
}
