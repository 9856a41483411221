// Outlook's item, through Office.js: the only file besides office.ts and word.ts that touches it.
// Every use checks the requirement set first: Outlook builds differ, and outside Outlook there is no item.
import { supports } from "./office";

export interface ItemAttendee {
  email: string;
  name: string;
  required: boolean;
}
export interface ComposeFields {
  subject: string;
  start: Date | null;
  end: Date | null;
  location: string;
  attendees: ItemAttendee[];
}

type Appointment = Office.AppointmentCompose & Office.AppointmentRead;
const item = (): Appointment | null => {
  const mailbox = (window as unknown as { Office?: typeof Office }).Office?.context?.mailbox;
  return (mailbox?.item as Appointment | undefined) ?? null;
};
const isAppointment = (a: Appointment | null): a is Appointment => !!a && String(a.itemType).toLowerCase() === "appointment";

/** True when the pane is open on an appointment the user is composing (the organizer's form). */
export const isAppointmentCompose = (): boolean => {
  const a = item();
  return supports("Mailbox", "1.1") && isAppointment(a) && typeof (a.subject as Office.Subject | undefined)?.getAsync === "function";
};

const get = <T>(source: { getAsync: (cb: (r: Office.AsyncResult<T>) => void) => void } | undefined, fallback: T) =>
  new Promise<T>((resolve) => {
    if (!source?.getAsync) return resolve(fallback);
    source.getAsync((r) => resolve(String(r.status) === "succeeded" ? r.value : fallback));
  });

/** What the organizer already typed in Outlook's own form: the plan starts from it. */
export async function composeFields(): Promise<ComposeFields | null> {
  const a = item();
  if (!isAppointmentCompose() || !a) return null;
  const people = async (recipients: Office.Recipients | undefined, required: boolean) =>
    (await get<Office.EmailAddressDetails[]>(recipients, [])).map((p) => ({ email: p.emailAddress, name: p.displayName || p.emailAddress, required }));
  return {
    subject: await get<string>(a.subject as Office.Subject, ""),
    start: await get<Date | null>(a.start as Office.Time, null),
    end: await get<Date | null>(a.end as Office.Time, null),
    location: await get<string>(a.location as Office.Location, ""),
    attendees: [...(await people(a.requiredAttendees as Office.Recipients, true)), ...(await people(a.optionalAttendees as Office.Recipients, false))],
  };
}

/** REST v2.0 (Graph's ids), also where a host's Office.js lacks the enum. */
const restV2 = (): Office.MailboxEnums.RestVersion =>
  (window as unknown as { Office: typeof Office }).Office.MailboxEnums?.RestVersion?.v2_0 ?? ("v2.0" as Office.MailboxEnums.RestVersion);

/** The Graph (REST) id of the appointment open in read mode, to find its meeting. */
export function readModeEventId(): string | null {
  const a = item();
  if (!isAppointment(a) || !a.itemId || isAppointmentCompose()) return null;
  const o = (window as unknown as { Office: typeof Office }).Office;
  return supports("Mailbox", "1.3") && o.context.mailbox.convertToRestId ? o.context.mailbox.convertToRestId(a.itemId, restV2()) : a.itemId;
}

/**
 * The start of the appointment open in read mode: classic Outlook hands a series master's id for an occurrence, and the
 * start says which occurrence it is.
 */
export function readModeStart(): string | null {
  const a = item();
  if (!isAppointment(a) || isAppointmentCompose()) return null;
  const start = (a as unknown as { start?: unknown }).start;
  return start instanceof Date ? start.toISOString() : null;
}

/**
 * Follows what the organizer changes in Outlook's own form while the pane is open (time: Mailbox 1.7, attendees:
 * Mailbox 1.7), so the plan never goes out with a time or people the form no longer shows. Returns a stop function.
 */
export function onComposeChanged(changed: (fields: ComposeFields) => void): () => void {
  const a = item();
  if (!isAppointmentCompose() || !a || !supports("Mailbox", "1.7") || typeof a.addHandlerAsync !== "function") return () => {};
  const o = (window as unknown as { Office: typeof Office }).Office;
  const events = [o.EventType.AppointmentTimeChanged, o.EventType.RecipientsChanged];
  const handler = () => void composeFields().then((f) => f && changed(f));
  events.forEach((e) => a.addHandlerAsync(e, handler));
  return () => events.forEach((e) => a.removeHandlerAsync?.(e));
}

/**
 * One meeting, not two: the API created the Outlook event (with the agenda, through its outbox), so the organizer's
 * compose draft is closed and the created meeting opened in its place (Mailbox 1.3). True when it was done.
 */
export function replaceDraft(graphEventId: string): boolean {
  const a = item();
  const o = (window as unknown as { Office: typeof Office }).Office;
  if (!isAppointmentCompose() || !a || !supports("Mailbox", "1.3")) return false;
  o.context.mailbox.displayAppointmentForm(o.context.mailbox.convertToEwsId(graphEventId, restV2()));
  a.close();
  return true;
}
