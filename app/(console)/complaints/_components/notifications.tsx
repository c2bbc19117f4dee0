"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import Badge from "@mui/material/Badge";
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import IconButton from "@mui/material/IconButton";
import List from "@mui/material/List";
import ListItemButton from "@mui/material/ListItemButton";
import ListItemText from "@mui/material/ListItemText";
import Popover from "@mui/material/Popover";
import Typography from "@mui/material/Typography";
import NotificationsOutlined from "@mui/icons-material/NotificationsOutlined";
import { useT } from "@/components/i18n/i18n-provider";
import { markNotificationsReadAction } from "../actions";

export interface NotificationItem {
  id: string;
  kind: string;
  number: string;
  at: string;
  read: boolean;
}

/** The complaint notifications (SLA alerts, hand-overs) as a bell with a popover. */
export function NotificationsBell({ unread, items }: { unread: number; items: NotificationItem[] }) {
  const t = useT();
  const router = useRouter();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <IconButton
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-label={t("complaints.notifications.title")}
        data-testid="notifications"
      >
        <Badge badgeContent={unread} color="error" max={99}>
          <NotificationsOutlined />
        </Badge>
      </IconButton>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: "bottom", horizontal: "right" }}
        transformOrigin={{ vertical: "top", horizontal: "right" }}
      >
        <Box sx={{ width: 380, maxHeight: 420, overflow: "auto" }}>
          <Box sx={{ display: "flex", alignItems: "center", justifyContent: "space-between", px: 2, py: 1 }}>
            <Typography variant="subtitle2">{t("complaints.notifications.title")}</Typography>
            <Button
              size="small"
              disabled={unread === 0}
              onClick={async () => {
                await markNotificationsReadAction();
                router.refresh();
              }}
            >
              {t("complaints.notifications.markRead")}
            </Button>
          </Box>
          {items.length === 0 && (
            <Typography color="text.secondary" sx={{ px: 2, pb: 2 }}>
              {t("complaints.notifications.empty")}
            </Typography>
          )}
          <List dense>
            {items.map((n) => (
              <ListItemButton
                key={n.id}
                onClick={() => router.push(`/complaints/${n.number}`)}
                sx={{ opacity: n.read ? 0.6 : 1 }}
              >
                <ListItemText
                  primary={t(`complaints.notifications.${n.kind}`, { number: n.number })}
                  secondary={n.at}
                />
              </ListItemButton>
            ))}
          </List>
        </Box>
      </Popover>
    </>
  );
}
