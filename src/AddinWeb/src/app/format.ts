import { language } from "../i18n";

// Dates, times and numbers through Intl in the UI language (never the browser's), in the viewer's own time zone.

/** A due date ("2026-12-10", a calendar day with no zone). */
export function formatDay(day: string, withWeekday = false): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Intl.DateTimeFormat(language(), {
    year: "numeric",
    month: "short",
    day: "numeric",
    weekday: withWeekday ? "short" : undefined,
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant from the API: UTC, with or without its "Z" (SQLite's values come without). */
export const parseInstant = (utc: string): Date => new Date(/[zZ]|[+-]\d\d:\d\d$/.test(utc) ? utc : `${utc}Z`);

/** An instant from the API in local time. */
export function formatInstant(utc: string, options: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" }): string {
  return new Intl.DateTimeFormat(language(), options).format(parseInstant(utc));
}

export const formatTime = (date: Date): string => new Intl.DateTimeFormat(language(), { hour: "2-digit", minute: "2-digit" }).format(date);

/** Whole days from a due date to today (local calendar), positive when late. */
export function daysLate(due: string, today = new Date()): number {
  const [y, m, d] = due.split("-").map(Number);
  return Math.round((Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) - Date.UTC(y, m - 1, d)) / 86_400_000);
}

/** "2026-12-10" for a local date. */
export const isoDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
