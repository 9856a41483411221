// Outlook's item, through Office.js: the only file besides office.ts and word.ts that touches it.

export interface ItemAttendee { email: string; name: string; required: boolean }

const item = (): Office.AppointmentCompose & Office.AppointmentRead | null =>
  (Office.context.mailbox?.item as (Office.AppointmentCompose & Office.AppointmentRead) | undefined) ?? null;

/** True when the pane is open on an appointment the user is composing (the organizer's form). */
export const isAppointmentCompose = (): boolean =>
  item()?.itemType === Office.MailboxEnums.ItemType.Appointment && typeof (item()!.requiredAttendees as Office.Recipients).getAsync === "function";

/** The attendees of the appointment being composed. */
export async function composeAttendees(): Promise<ItemAttendee[]> {
  const appointment = item();
  if (!appointment) return [];
  const read = (recipients: Office.Recipients, required: boolean) =>
    new Promise<ItemAttendee[]>((resolve, reject) => recipients.getAsync((r) =>
      r.status === Office.AsyncResultStatus.Succeeded
        ? resolve(r.value.map((a) => ({ email: a.emailAddress, name: a.displayName || a.emailAddress, required })))
        : reject(new Error(r.error.message))));
  return [
    ...(await read(appointment.requiredAttendees as Office.Recipients, true)),
    ...(await read(appointment.optionalAttendees as Office.Recipients, false)),
  ];
}

/** The Graph (REST) id of the appointment open in read mode, to find its meeting. */
export function readModeEventId(): string | null {
  const appointment = item();
  if (!appointment || appointment.itemType !== Office.MailboxEnums.ItemType.Appointment || !appointment.itemId) return null;
  return Office.context.mailbox.convertToRestId(appointment.itemId, Office.MailboxEnums.RestVersion.v2_0);
}
