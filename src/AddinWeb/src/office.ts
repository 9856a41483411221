// The one place that asks Office.js where we run. Outside Office (a plain browser) the panes run in demo mode.
export type Host = "outlook" | "word" | null;

export interface OfficeInfo {
  host: Host;
  displayLanguage: string;
}

export async function officeReady(): Promise<OfficeInfo> {
  const office = (window as unknown as { Office?: typeof Office }).Office;
  if (!office) return { host: null, displayLanguage: navigator.language };
  const info = await new Promise<{ host: Office.HostType | null }>((resolve) => {
    office.onReady((i) => resolve({ host: i.host ?? null }));
  });
  const host: Host = info.host === office.HostType.Outlook ? "outlook" : info.host === office.HostType.Word ? "word" : null;
  return { host, displayLanguage: host ? office.context.displayLanguage : navigator.language };
}
