import { callApi } from "../../api";
import type { Attendee } from "./plan";

export interface DirectoryPerson {
  email: string;
  displayName: string;
  department: string | null;
}

/**
 * Fills the department (and a missing name) of attendees that came without one — from Outlook's form — from the
 * directory, one lookup per person, in parallel. Who is not found keeps what they had.
 */
export async function withDirectory(attendees: Attendee[]): Promise<Map<string, DirectoryPerson>> {
  const missing = attendees.filter((a) => !a.department && a.email);
  const found = await Promise.all(
    missing.map((a) =>
      callApi<DirectoryPerson[]>("GET", `/api/people?search=${encodeURIComponent(a.email)}`).then(
        ({ data }) => data.find((p) => p.email.toLowerCase() === a.email.toLowerCase()) ?? null,
        () => null,
      ),
    ),
  );
  return new Map(found.filter((p): p is DirectoryPerson => p !== null).map((p) => [p.email.toLowerCase(), p]));
}

/** The plan's attendees with what the directory said, leaving anything the organizer typed alone. */
export const applyDirectory = (attendees: Attendee[], people: Map<string, DirectoryPerson>): Attendee[] =>
  attendees.map((a) => {
    const p = people.get(a.email);
    if (!p) return a;
    return { ...a, department: a.department || p.department || "", displayName: a.displayName && a.displayName !== a.email ? a.displayName : p.displayName };
  });
