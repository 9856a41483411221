import { isoDay } from "../../app/format";
import type { ComposeFields } from "../../mailbox";
import type { Status } from "../items/model";

// The organizer's plan as the pane holds it, and its way to and from the API's MeetingPlan.

export type Role = "host" | "noteTaker" | "timekeeper";
export const ROLES: Role[] = ["host", "noteTaker", "timekeeper"];
export interface Attendee {
  email: string;
  displayName: string;
  department: string;
  kind: "core" | "optional";
  roles: Role[];
  preparation: string;
}
export interface AgendaItem {
  key: string;
  id?: string;
  topic: string;
  discussion: string;
  owner: string;
  plannedMinutes: number | null;
  expectedOutput: string;
}
export interface PreRead {
  key: string;
  title: string;
  url: string;
  readers: string[];
}
/** How a new meeting repeats: Outlook's common choices, each read from the first meeting's date by the API. */
export type Repeat = "none" | "weekly" | "biweekly" | "monthlyDate" | "monthlyWeekday";
export const REPEATS: Repeat[] = ["none", "weekly", "biweekly", "monthlyDate", "monthlyWeekday"];
export interface Plan {
  subject: string;
  goal: string;
  day: string;
  time: string;
  minutes: number;
  timeZone: string;
  location: string;
  isOnlineMeeting: boolean;
  attendees: Attendee[];
  agenda: AgendaItem[];
  preReads: PreRead[];
  /** Only a new plan can become a series; a sent meeting's repeat is changed on the series. */
  repeat?: Repeat;
  repeatCount?: number;
  /** Editing a whole series: the date is the series' own (only the time of day, length and pattern change). */
  wholeSeries?: boolean;
  /** A meeting of a collaboration project (its kickoff, drafted from the project). */
  projectId?: string;
}
export interface Finding {
  code: string;
  field: string;
  message: string;
}
export interface Verdict {
  errors: Finding[];
  warnings: Finding[];
  canSend: boolean;
}
export interface MeetingResponse {
  id: string;
  subject: string;
  goal: string | null;
  start: string;
  end: string;
  startUtc: string;
  timeZone: string;
  location: string | null;
  isOnlineMeeting: boolean;
  attendees: Array<{ email: string; displayName: string; department: string | null; kind: string; roles: string[]; preparation: string | null }>;
  agenda: Array<{ id: string; topic: string; discussion: string; owner: { email: string }; plannedMinutes: number; expectedOutput: string }>;
  preReads: Array<{ title: string; url: string; readers: string[] }>;
  invite: { state: string; graphEventId: string | null; webLink: string | null; joinUrl: string | null; error: string | null };
  version: number;
  warnings: Finding[];
  series?: { id: string; description: string; number: number; count: number; previousId: string | null; nextId: string | null } | null;
  agendaDraft?: boolean;
  openItems?: Array<{ id: string; title: string; ownerName: string; dueDate: string | null; status: Status; progress: string | null; needsHelp: boolean }>;
}

export const DURATIONS = [15, 30, 45, 60, 90, 120];
/** The configured workday (FindTimes' defaults): the plan starts inside it, and the start-time list covers it. */
export const WORKDAY = { start: 9, end: 18 };

let keys = 0;
export const newRowKey = (): string => `row${++keys}`;

/** The meeting rules' lead time (Policy:MinLeadDays): an invite sent sooner is warned about. */
export const LEAD_DAYS = 3;

/**
 * The first working day (Monday to Friday) at least the lead time ahead, so the default plan neither falls on a
 * weekend nor breaks the rule that attendees get days to prepare.
 */
export function nextWorkingDay(now = new Date(), lead = LEAD_DAYS): string {
  const d = new Date(now);
  d.setDate(d.getDate() + lead);
  while (d.getDay() === 0 || d.getDay() === 6) d.setDate(d.getDate() + 1);
  return isoDay(d);
}

export function emptyPlan(me: { email: string; name: string }, now = new Date()): Plan {
  return {
    subject: "",
    goal: "",
    day: nextWorkingDay(now),
    time: "10:00",
    minutes: 60,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    location: "",
    isOnlineMeeting: true,
    attendees: [{ email: me.email.toLowerCase(), displayName: me.name, department: "", kind: "core", roles: ["host"], preparation: "" }],
    agenda: [],
    preReads: [],
    repeat: "none",
    repeatCount: 8,
  };
}

export interface SeriesResponse {
  id: string;
  localStart: string;
  lengthMinutes: number;
  recurrence: { pattern: string; interval: number; dayOfMonth: number | null; index: string | null; endDate: string | null; count: number | null };
  standingTopics: Array<{ topic: string; discussion: string; owner: string; plannedMinutes: number; expectedOutput: string }>;
  occurrences: Array<{ id: string; startUtc: string; state: string }>;
  version: number;
}

/** The series as a plan to edit as a whole: people and place from its next meeting, its time, pattern and standing topics. */
export function fromSeries(series: SeriesResponse, next: MeetingResponse): Plan {
  const r = series.recurrence;
  const repeat: Repeat =
    r.pattern === "weekly" ? (r.interval === 2 ? "biweekly" : "weekly") : r.pattern === "absoluteMonthly" ? "monthlyDate" : "monthlyWeekday";
  return {
    ...fromMeeting(next),
    time: series.localStart,
    minutes: series.lengthMinutes,
    agenda: series.standingTopics.map((a) => ({ key: newRowKey(), ...a })),
    repeat,
    repeatCount: r.count ?? series.occurrences.length,
    wholeSeries: true,
  };
}

/** The API's recurrence for the plan's repeat choice (null for a single meeting). */
export function recurrenceOf(plan: Plan) {
  const count = plan.repeatCount ?? 8;
  switch (plan.repeat) {
    case "weekly":
      return { pattern: "weekly", interval: 1, count };
    case "biweekly":
      return { pattern: "weekly", interval: 2, count };
    case "monthlyDate":
      return { pattern: "absoluteMonthly", interval: 1, count };
    case "monthlyWeekday":
      return { pattern: "relativeMonthly", interval: 1, count };
    default:
      return null;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");
export const addMinutes = (day: string, time: string, minutes: number): string => {
  const [y, mo, d] = day.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const end = new Date(Date.UTC(y, mo - 1, d, h, mi + minutes));
  return `${end.getUTCFullYear()}-${pad(end.getUTCMonth() + 1)}-${pad(end.getUTCDate())}T${pad(end.getUTCHours())}:${pad(end.getUTCMinutes())}`;
};

/** What the API takes: local start/end in the plan's zone. */
export function toBody(plan: Plan, language: string) {
  return {
    subject: plan.subject,
    goal: plan.goal,
    start: `${plan.day}T${plan.time}`,
    end: addMinutes(plan.day, plan.time, plan.minutes),
    timeZone: plan.timeZone,
    location: plan.location,
    isOnlineMeeting: plan.isOnlineMeeting,
    language,
    recurrence: recurrenceOf(plan),
    attendees: plan.attendees.map(({ email, displayName, department, kind, roles, preparation }) => ({
      email,
      displayName,
      department,
      kind,
      roles,
      preparation,
    })),
    agenda: plan.agenda.map(({ id, topic, discussion, owner, plannedMinutes, expectedOutput }) => ({
      id,
      topic,
      discussion,
      owner,
      plannedMinutes,
      expectedOutput,
    })),
    preReads: plan.preReads.map(({ title, url, readers }) => ({ title, url, readers })),
    projectId: plan.projectId,
  };
}

/** The kickoff the API drafts from a project (a MeetingPlan: local start and end in its zone). */
export interface DraftedPlan {
  subject: string;
  goal: string;
  start: string;
  end: string;
  timeZone: string;
  isOnlineMeeting: boolean;
  attendees: Array<{ email: string; displayName: string; department: string | null; kind: string; roles: string[] }>;
  agenda: Array<{ topic: string; discussion: string; owner: string; plannedMinutes: number; expectedOutput: string }>;
  projectId: string;
}

/** A drafted plan into the form, for the organizer to adjust and send. */
export function fromDraft(d: DraftedPlan, me: { email: string; name: string }): Plan {
  const [day, time] = d.start.split("T");
  const minutes = Math.max(15, Math.round((Date.parse(`${d.end}Z`) - Date.parse(`${d.start}Z`)) / 60000));
  return {
    ...emptyPlan(me),
    subject: d.subject,
    goal: d.goal,
    day,
    time: time.slice(0, 5),
    minutes,
    timeZone: d.timeZone,
    isOnlineMeeting: d.isOnlineMeeting,
    attendees: d.attendees.map((a) => ({
      email: a.email,
      displayName: a.displayName,
      department: a.department ?? "",
      kind: a.kind === "optional" ? "optional" : "core",
      roles: a.roles.filter((r): r is Role => (ROLES as string[]).includes(r)),
      preparation: "",
    })),
    agenda: d.agenda.map((a) => ({ key: newRowKey(), ...a })),
    projectId: d.projectId,
  };
}

/** A stored meeting back into the form, for editing. */
export function fromMeeting(m: MeetingResponse): Plan {
  const minutes = Math.max(15, Math.round((new Date(m.end).getTime() - new Date(m.start).getTime()) / 60000));
  return {
    subject: m.subject,
    goal: m.goal ?? "",
    day: m.start.slice(0, 10),
    time: m.start.slice(11, 16),
    minutes,
    timeZone: m.timeZone,
    location: m.location ?? "",
    isOnlineMeeting: m.isOnlineMeeting,
    attendees: m.attendees.map((a) => ({
      email: a.email,
      displayName: a.displayName,
      department: a.department ?? "",
      kind: a.kind === "optional" ? "optional" : "core",
      roles: a.roles.filter((r): r is Role => (ROLES as string[]).includes(r)),
      preparation: a.preparation ?? "",
    })),
    agenda: m.agenda.map((a) => ({
      key: newRowKey(),
      id: a.id,
      topic: a.topic,
      discussion: a.discussion,
      owner: a.owner.email,
      plannedMinutes: a.plannedMinutes,
      expectedOutput: a.expectedOutput,
    })),
    preReads: m.preReads.map((p) => ({ key: newRowKey(), title: p.title, url: p.url, readers: p.readers })),
  };
}

/**
 * Outlook's compose form into the plan. `previous` is who the form had the last time it was read: someone removed in
 * Outlook since then leaves the plan too (someone added in the pane, never in Outlook's form, stays).
 */
export function withCompose(plan: Plan, fields: ComposeFields, previous: ReadonlySet<string> = new Set()): Plan {
  const now = new Set(fields.attendees.map((a) => a.email.toLowerCase()));
  const next = { ...plan, attendees: plan.attendees.filter((a) => !previous.has(a.email) || now.has(a.email)) };
  if (fields.subject) next.subject = fields.subject;
  if (fields.location) next.location = fields.location;
  if (fields.start) {
    next.day = isoDay(fields.start);
    next.time = `${pad(fields.start.getHours())}:${pad(fields.start.getMinutes())}`;
    if (fields.end) next.minutes = Math.max(15, Math.round((fields.end.getTime() - fields.start.getTime()) / 60000));
  }
  for (const a of fields.attendees)
    if (!next.attendees.some((x) => x.email === a.email.toLowerCase()))
      next.attendees.push({
        email: a.email.toLowerCase(),
        displayName: a.name,
        department: "",
        kind: a.required ? "core" : "optional",
        roles: [],
        preparation: "",
      });
  return next;
}

/** Minutes the agenda plans against the meeting's length. */
export const budget = (plan: Plan) => ({ planned: plan.agenda.reduce((n, a) => n + (a.plannedMinutes ?? 0), 0), length: plan.minutes });

/** Which section a finding's field belongs to, so each section can say how many things it has to fix. */
export function sectionOf(field: string): "basics" | "people" | "agenda" | "preReads" {
  if (field.startsWith("attendees")) return "people";
  if (field.startsWith("agenda")) return "agenda";
  if (field.startsWith("preReads")) return "preReads";
  return "basics";
}

/** The form's field for an API path: start and end are one date/time/length group here. */
export const fieldOf = (path: string): string => (path === "start" || path === "end" ? "when" : path.startsWith("recurrence") ? "recurrence" : path);

/** Start times every 15 minutes across the workday (and the plan's own time, if it lies outside). */
export function startTimes(current: string): string[] {
  const times: string[] = [];
  for (let h = WORKDAY.start - 1; h <= WORKDAY.end; h++) for (const m of [0, 15, 30, 45]) times.push(`${pad(h)}:${pad(m)}`);
  if (!times.includes(current)) times.push(current);
  return times.sort();
}

/**
 * The days a meeting can be on, as a list rather than a calendar widget: named through Intl in the UI language
 * ("周一 2026年12月7日", "Mon, Dec 7, 2026"), 120 days ahead, the plan's own day kept even if it lies outside.
 */
export function meetingDays(current: string, now = new Date()): string[] {
  const days: string[] = [];
  const d = new Date(now);
  for (let i = 0; i < 120; i++) {
    days.push(isoDay(d));
    d.setDate(d.getDate() + 1);
  }
  if (!days.includes(current)) days.unshift(current);
  return days.sort();
}
