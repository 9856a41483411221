import { daysLate } from "../../app/format";

export type Status = "open" | "inProgress" | "blocked" | "done" | "cancelled";
export interface Item {
  id: string;
  /** Null for a collaboration project's task that came from no meeting. */
  meetingId: string | null;
  meetingSubject: string | null;
  project?: { id: string; number: string; title: string } | null;
  title: string;
  dueDate: string | null;
  status: Status;
  needsHelp: boolean;
  needsHelpReason: string | null;
  progressNote: string | null;
  improvement: boolean;
  isOverdue: boolean;
  version: number;
  owner: { email: string; displayName: string };
}
export type Filter = "overdue" | "week" | "later" | "done";
export const FILTERS: Filter[] = ["overdue", "week", "later", "done"];
/** The statuses a person can pick (cancelled comes only from the minutes). */
export const STATUSES: Status[] = ["open", "inProgress", "blocked", "done"];

export const isClosed = (item: Item): boolean => item.status === "done" || item.status === "cancelled";

/** Which list an item belongs in: finished items leave the open lists; undated open items count as later. */
export function filterOf(item: Item, today = new Date()): Filter {
  if (isClosed(item)) return "done";
  if (item.isOverdue) return "overdue";
  if (item.dueDate !== null && daysLate(item.dueDate, today) >= -7) return "week";
  return "later";
}

/** The first list worth opening: overdue if anything is, else this week, else later. */
export const firstFilter = (items: Item[]): Filter => FILTERS.find((f) => f !== "done" && items.some((i) => filterOf(i) === f)) ?? "later";
