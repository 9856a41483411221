// The one place that asks Office.js where we run and what the host can do. Outside Office (a plain browser, with or
// without the real office.js loaded) the panes run as a web app: demo sign-in, download/upload instead of Word.
export type Host = "outlook" | "word" | null;
export type Theme = "light" | "dark" | "contrast";

export interface OfficeInfo {
  host: Host;
  displayLanguage: string | null;
  theme: Theme;
}

type OfficeGlobal = typeof Office;
const office = (): OfficeGlobal | undefined => (window as unknown as { Office?: OfficeGlobal }).Office;

export async function officeReady(): Promise<OfficeInfo> {
  const o = office();
  let host: Host = null;
  if (o?.onReady) {
    // The real office.js in a plain browser calls back with no host; a broken load must not hang the pane either.
    const info = await Promise.race([
      new Promise<{ host: Office.HostType | null }>((resolve) => void o.onReady((i) => resolve({ host: i?.host ?? null }))),
      new Promise<{ host: null }>((resolve) => setTimeout(() => resolve({ host: null }), 4000)),
    ]);
    host = info.host && o.HostType ? (info.host === o.HostType.Outlook ? "outlook" : info.host === o.HostType.Word ? "word" : null) : null;
  }
  return { host, displayLanguage: host ? o!.context.displayLanguage : null, theme: themeOf(host) };
}

/** True when the host offers the requirement set; false outside Office. */
export function supports(set: string, version: string): boolean {
  try {
    return !!office()?.context?.requirements?.isSetSupported(set, version);
  } catch {
    return false;
  }
}

/** Office's theme inside Office (its body colour), ?theme= for a shared demo link, the system's otherwise; high contrast wins. */
function themeOf(host: Host): Theme {
  if (matchMedia("(forced-colors: active)").matches) return "contrast";
  const asked = new URLSearchParams(location.search).get("theme");
  if (asked === "dark" || asked === "light" || asked === "contrast") return asked;
  const background = host ? office()?.context?.officeTheme?.bodyBackgroundColor : undefined;
  if (background && /^#?[0-9a-f]{6}$/i.test(background)) {
    const hex = background.replace("#", "");
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
  }
  return matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

/** The signed-in Office user's email, as a login hint for silent token renewal. */
export function officeUserEmail(): string | undefined {
  try {
    return office()?.context?.mailbox?.userProfile?.emailAddress;
  } catch {
    return undefined;
  }
}

/** Opens an Outlook item by its id (Mailbox 1.1), e.g. the meeting the API created. */
export function openAppointment(outlookItemId: string): boolean {
  const mailbox = office()?.context?.mailbox;
  if (!mailbox?.displayAppointmentForm) return false;
  mailbox.displayAppointmentForm(outlookItemId);
  return true;
}
