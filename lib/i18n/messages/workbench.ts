// The home page's workbench (lib/workbench): what needs the user today, per role.
import { defineEntries } from "./define";

export const workbench = defineEntries({
  title: { zh: "今日待办", en: "Today" },
  nothing: {
    zh: "您的角色在工作台上没有待办事项，请从下方进入工作区。",
    en: "Your roles have nothing waiting on the workbench; open a work area below.",
  },
  unit: { zh: "件", en: "" },
  complaints: {
    title: { zh: "投诉工单", en: "Complaint tickets" },
    subtitle: { zh: "时限以本局工作日历计算", en: "Deadlines on your bureau's business calendar" },
    overdue: { zh: "已超时", en: "Overdue" },
    overdueNote: {
      zh: "本局受理、办理中的工单，首次响应、办结或进展更新期限已过",
      en: "Your bureau's running tickets past a first-response, resolution or update deadline",
    },
    dueToday: { zh: "今日到期", en: "Due today" },
    dueTodayNote: {
      zh: "本局受理的工单，上述期限在今天 24:00（北京时间）前到期",
      en: "Your bureau's tickets with such a deadline before 24:00 today (Beijing time)",
    },
    awaiting: { zh: "待本局协办", en: "Awaiting your bureau" },
    awaitingNote: {
      zh: "对方局移交或升级至本辖区、等待本局处理",
      en: "Handed over or escalated to your region by the other bureau",
    },
    bureauOpen: { zh: "本局未结", en: "Open in your bureau" },
    bureauOpenNote: { zh: "本局承办、尚未办结的工单", en: "Tickets your bureau owns that are not closed" },
    unread: { zh: "未读通知", en: "Unread notifications" },
    unreadNote: { zh: "在投诉工单页右上角的通知中查看", en: "In the bell at the top right of the tickets page" },
  },
  roster: {
    title: { zh: "名录变更复核", en: "Roster changes to review" },
    subtitle: { zh: "双人复核：他人提交的变更由您审核", en: "Maker-checker: you decide changes others made" },
    awaiting: { zh: "待我复核", en: "Awaiting my review" },
    awaitingNote: {
      zh: "本局待审核的变更申请中，非本人提交的（共 {pending} 件待审核）",
      en: "Pending change requests of your bureau not made by you ({pending} pending in all)",
    },
  },
  agreements: {
    title: { zh: "协议", en: "Agreements" },
    subtitle: { zh: "涉及{region}的协议", en: "Agreements concerning {region}" },
    windowOption: { zh: "{days} 天内", en: "within {days} days" },
    expiring: { zh: "{days} 天内到期", en: "Expiring within {days} days" },
    expiringNote: {
      zh: "生效中或暂停的协议，终止日期在 {days} 天内",
      en: "Active or suspended agreements ending within {days} days",
    },
    drafts: { zh: "草稿", en: "Drafts" },
    draftsNote: {
      zh: "涉及本辖区、尚未生效的协议草稿，需各方审批",
      en: "Draft agreements concerning your region, awaiting the parties' approvals",
    },
  },
  imports: {
    title: { zh: "最近的结算数据导入", en: "Latest settlement imports" },
    subtitle: { zh: "本辖区最近 5 批", en: "The last 5 batches of your region" },
    open: { zh: "导入页面", en: "Import page" },
    batch: { zh: "批次", en: "Batch" },
    startedAt: { zh: "开始时间", en: "Started" },
    state: { zh: "状态", en: "State" },
    accepted: { zh: "接收行数", en: "Rows accepted" },
    rejected: { zh: "拒收行数", en: "Rows rejected" },
    empty: { zh: "本辖区尚无导入记录", en: "No imports in your region yet" },
    states: {
      RUNNING: { zh: "进行中", en: "Running" },
      DONE: { zh: "完成", en: "Done" },
      FAILED: { zh: "失败", en: "Failed" },
    },
    batchNo: { zh: "第 {id} 批", en: "Batch {id}" },
  },
  downtimes: {
    title: { zh: "系统停机", en: "System downtime" },
    subtitle: { zh: "{region}及下辖统筹区", en: "{region} and the pooling areas below" },
    current: { zh: "正在停机", en: "Down now" },
    currentNote: { zh: "此刻处于停机窗口内", en: "Inside a downtime window at this moment" },
    upcoming: { zh: "即将停机", en: "Upcoming" },
    upcomingNote: { zh: "已公告、尚未开始的停机窗口", en: "Announced windows not yet started" },
  },
  jobs: { zh: "工作区", en: "Work areas" },
});
