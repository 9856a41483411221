import { parseInstant } from "../../app/format";

export interface MeetingSummary {
  id: string;
  subject: string;
  startUtc: string;
  endUtc: string;
  myRoles: string[];
  iAmOrganizer: boolean;
  inviteState: string;
}
export interface Row {
  row: string;
  id: string;
  title: string;
  table: number;
  rowNumber: number;
}
export interface Report {
  created: Row[];
  updated: Array<Row & { fields: string[] }>;
  unchanged: Row[];
  cancelled: Array<{ id: string; title: string }>;
  conflicts: Array<{ row: string | null; id: string; title: string; message: string }>;
  skipped: Array<{ row: string; reason: string; table: number; rowNumber: number }>;
  warnings: Array<{ location: string; message: string; code?: string | null }>;
  rows: Row[];
}

const CANCELLED = new Set(["Cancelled", "CancelPending", "cancelled", "cancelPending"]);

/**
 * The meetings a note-taker may write minutes for, the one nearest now first (an ongoing or just-ended meeting is
 * the likely one), never cancelled ones, each once.
 */
export function minutesMeetings(all: MeetingSummary[], now = Date.now()): MeetingSummary[] {
  const seen = new Set<string>();
  const at = (iso: string) => parseInstant(iso).getTime();
  return all
    .filter((m) => (m.iAmOrganizer || m.myRoles.includes("noteTaker")) && !CANCELLED.has(m.inviteState))
    .filter((m) => !seen.has(m.id) && !!seen.add(m.id))
    .map((m) => ({ m, distance: now < at(m.startUtc) ? at(m.startUtc) - now : Math.max(0, now - at(m.endUtc)) }))
    .sort((a, b) => a.distance - b.distance)
    .map((x) => x.m);
}

/** Action rows of the first action table are numbered from 2 (row 1 is the header): their position among action rows. */
export const actionRowIndex = (row: { table: number; rowNumber: number }): number | null => (row.table === 1 && row.rowNumber >= 2 ? row.rowNumber - 2 : null);
