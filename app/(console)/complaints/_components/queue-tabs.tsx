"use client";
import Tab from "@mui/material/Tab";
import Tabs from "@mui/material/Tabs";
import { useT } from "@/components/i18n/i18n-provider";
import { QUEUES, type Queue } from "@/lib/complaints/codes";
import { useUrlState } from "@/components/ui/use-url-state";

/** The queue tabs; the chosen queue lives in the URL (?queue=…). */
export function QueueTabs({ value, counts }: { value: Queue; counts: Record<Queue, number> }) {
  const t = useT();
  const { update } = useUrlState();
  return (
    <Tabs
      value={value}
      onChange={(_, q: Queue) => update({ queue: q })}
      variant="scrollable"
      sx={{ borderBottom: 1, borderColor: "divider", px: 1 }}
    >
      {QUEUES.map((q) => (
        <Tab
          key={q}
          value={q}
          label={`${t(`complaints.tabs.${q.toLowerCase()}`)} (${counts[q]})`}
          data-testid={`queue-${q.toLowerCase()}`}
        />
      ))}
    </Tabs>
  );
}
