import { ApiError, callApi } from "../api";
import { language, t } from "../i18n";
import { startPane } from "../shell";
import { busy, empty, errorView, field, h, message, replace } from "../ui";
import { documentBytes, insertDocument, stampActionIds } from "../word";

interface Summary { id: string; subject: string; startUtc: string; myRoles: string[]; iAmOrganizer: boolean }
interface Row { row: string; id: string; title: string; table: number; rowNumber: number }
interface Report {
  created: Row[]; updated: Array<Row & { fields: string[] }>; unchanged: Row[]; cancelled: Array<{ id: string; title: string }>;
  conflicts: Array<{ row: string | null; title: string; message: string }>; skipped: Array<{ row: string; reason: string; table: number; rowNumber: number }>;
  warnings: Array<{ location: string; message: string }>; rows: Row[];
}

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

void startPane(() => t("minutesTitle"), async ({ root }) => {
  const { data } = await callApi<{ items: Summary[] }>("GET", "/api/meetings");
  const mine = data.items.filter((m) => m.iAmOrganizer || m.myRoles.includes("noteTaker"));
  if (mine.length === 0) { replace(root, empty(t("noMeetings"))); return; }
  const meeting = h("select", {}, ...mine.map((m) => h("option", { value: m.id }, `${m.subject} (${m.startUtc.slice(0, 10)})`)));
  const status = h("div", { "aria-live": "polite" });
  const report = h("section", { "aria-labelledby": "report" });

  const insert = h("button", { type: "button" }, t("insertTemplate"));
  insert.addEventListener("click", () => void busy(insert, t("loading"), async () => {
    try {
      const { data: bytes } = await callApi<ArrayBuffer>("GET", `/api/meetings/${meeting.value}/minutes/template`, undefined, { binary: true });
      await insertDocument(toBase64(new Uint8Array(bytes)));
      replace(status, message("success", t("inserted")));
    } catch (error) { replace(status, errorView(error)); }
  }));

  const publish = h("button", { type: "button", class: "primary" }, t("publish"));
  publish.addEventListener("click", () => void busy(publish, t("publishing"), async () => {
    try {
      const { data: result } = await callApi<Report>("POST", `/api/meetings/${meeting.value}/minutes`, await documentBytes(), { contentType: DOCX });
      // Rows of the first action table by number: row 1 is the header, so table row N is action row N-2.
      const ids = new Map(result.rows.filter((r) => r.table === 1).map((r) => [r.rowNumber - 2, r.id] as [number, string]));
      const stamped = await stampActionIds(ids);
      replace(status, stamped > 0 ? message("info", t("stamped")) : null);
      showReport(result);
    } catch (error) { replace(status, errorView(error)); }
  }));

  const mail = h("button", { type: "button" }, t("mailMinutes"));
  // The same minutes go out again only when the note-taker confirms it: a second click must not mail everyone twice.
  const sendMail = async (resend: boolean) => {
    try {
      const { data: sent } = await callApi<{ sent: string[]; failed: Array<{ email: string }> }>("POST", `/api/meetings/${meeting.value}/minutes/mail${resend ? "?resend=true" : ""}`);
      replace(status, message("success", t("mailed", sent.sent.length)), sent.failed.length > 0 ? message("warning", t("mailFailed", sent.failed.map((f) => f.email).join(", "))) : null);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && typeof error.problem.mailedAt === "string") {
        const again = h("button", { type: "button" }, t("sendAgain"));
        again.addEventListener("click", () => void busy(again, t("loading"), () => sendMail(true)));
        const when = new Date(error.problem.mailedAt).toLocaleString(language(), { dateStyle: "medium", timeStyle: "short" });
        replace(status, message("info", t("alreadyMailed", when)), h("div", { class: "actions" }, again));
      } else replace(status, errorView(error));
    }
  };
  mail.addEventListener("click", () => void busy(mail, t("loading"), () => sendMail(false)));

  const showReport = (r: Report) => {
    const list = (label: string, lines: string[]) => lines.length === 0 ? null : h("div", {}, h("h3", {}, `${label} (${lines.length})`), h("ul", {}, ...lines.map((l) => h("li", {}, l))));
    replace(report, h("h2", { id: "report" }, t("report")),
      list(t("created"), r.created.map((c) => `${c.row}: ${c.title}`)),
      list(t("updated"), r.updated.map((u) => `${u.row}: ${u.title} (${u.fields.join(", ")})`)),
      list(t("unchanged"), r.unchanged.map((u) => `${u.row}: ${u.title}`)),
      list(t("cancelledItems"), r.cancelled.map((c) => c.title)),
      list(t("conflicts"), r.conflicts.map((c) => `${c.row ?? c.title}: ${c.message}`)),
      list(t("skipped"), r.skipped.map((s) => `${s.row}: ${s.reason}`)),
      list(t("problems"), r.warnings.map((w) => `${w.location}: ${w.message}`)));
  };

  replace(root, field(t("pickMeeting"), meeting), h("div", { class: "actions" }, insert, publish, mail), status, report);
});

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
