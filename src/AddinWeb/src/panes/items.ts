import { ApiError, callApi } from "../api";
import { readModeEventId } from "../mailbox";
import { t } from "../i18n";
import { startPane, type Pane } from "../shell";
import { busy, empty, errorView, field, h, message, replace, statusLabel } from "../ui";

interface Item {
  id: string; meetingId: string; meetingSubject: string; title: string; dueDate: string | null; status: string;
  needsHelp: boolean; needsHelpReason: string | null; progressNote: string | null; isOverdue: boolean; version: number;
  owner: { email: string; displayName: string };
}
interface Meeting {
  id: string; subject: string; start: string; agenda: Array<{ position: number; topic: string; owner: { displayName: string }; plannedMinutes: number; expectedOutput: string }>;
  attendees: Array<{ email: string; preparation: string | null }>;
}

const STATUSES = ["open", "inProgress", "blocked", "done"];

void startPane(() => t("myItems"), async (pane) => {
  const { data } = await callApi<{ items: Item[] }>("GET", "/api/me/action-items?pageSize=200");
  const list = h("section", { "aria-labelledby": "mine" }, h("h2", { id: "mine" }, t("assignedToMe")));
  replace(pane.root, list);
  if (data.items.length === 0) list.append(empty(t("noItems")));
  for (const [label, items] of groups(data.items))
    if (items.length > 0) list.append(h("h3", {}, `${label} (${items.length})`), ...items.map((i) => itemCard(i, pane)));
  if (pane.host === "outlook") await meetingSection(pane);
});

/** Overdue first, then this week, later, and undated, each in due order (the API sorts). */
function groups(items: Item[]): Array<[string, Item[]]> {
  const weekEnd = new Date();
  weekEnd.setDate(weekEnd.getDate() + 7);
  const inWeek = (i: Item) => i.dueDate !== null && new Date(i.dueDate) <= weekEnd;
  return [
    [t("overdue"), items.filter((i) => i.isOverdue)],
    [t("thisWeek"), items.filter((i) => !i.isOverdue && inWeek(i))],
    [t("later"), items.filter((i) => !i.isOverdue && i.dueDate !== null && !inWeek(i))],
    [t("noDue"), items.filter((i) => i.dueDate === null)],
  ];
}

function itemCard(item: Item, pane: Pane): HTMLElement {
  const card = h("article", { class: `item${item.isOverdue ? " overdue" : ""}`, "aria-label": item.title });
  let current = item;
  const draw = (notice?: HTMLElement) => {
    const status = h("select", {}, ...STATUSES.concat(current.status === "cancelled" ? ["cancelled"] : [])
      .map((s) => h("option", { value: s, selected: s === current.status }, statusLabel(s))));
    const note = h("textarea", { rows: 2 }, current.progressNote ?? "");
    const help = h("input", { type: "checkbox", checked: current.needsHelp });
    const reason = h("textarea", { rows: 2 }, current.needsHelpReason ?? "");
    const reasonField = field(t("needsHelpReason"), reason);
    reasonField.hidden = !current.needsHelp;
    help.addEventListener("change", () => { reasonField.hidden = !help.checked; if (help.checked) reason.focus(); });
    const save = h("button", { type: "submit", class: "primary" }, t("save"));
    const form = h("form", {},
      h("div", { class: "row" }, field(t("status"), status)),
      field(t("progressNote"), note),
      h("div", { class: "field" }, h("label", {}, help, ` ${t("needsHelp")}`)),
      reasonField,
      h("div", { class: "actions" }, save));
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const change = {
        status: status.value,
        progressNote: note.value,
        needsHelp: help.checked,
        ...(help.checked ? { needsHelpReason: reason.value } : {}),
      };
      await busy(save, t("saving"), () => submit(change, `"${current.version}"`));
    });
    replace(card,
      h("h4", {}, current.title),
      h("div", { class: "meta" },
        current.isOverdue ? h("span", { class: "badge overdue" }, t("overdue")) : null, " ",
        `${t("due")}: ${current.dueDate ?? "—"} · ${t("from")}: ${current.meetingSubject}`),
      notice, form);
  };
  const submit = async (change: Record<string, unknown>, etag: string) => {
    try {
      const { data } = await callApi<Item>("PATCH", `/api/action-items/${current.id}`, change, { ifMatch: etag });
      current = data;
      draw(message("success", t("saved")));
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        // Never overwrite unseen: show their version and let the person decide.
        current = error.problem.current as Item;
        const conflict = h("div", { class: "message warning", role: "alert" },
          h("strong", {}, t("conflictTitle")), h("p", {}, t("conflictBody")),
          h("p", {}, `${t("status")}: ${statusLabel(current.status)} · ${t("progressNote")}: ${current.progressNote ?? "—"}`),
          h("div", { class: "actions" },
            h("button", { type: "button", onclick: () => draw() }, t("theirs")),
            h("button", { type: "button", class: "primary", onclick: () => void submit(change, `"${current.version}"`) }, t("mine"))));
        draw(conflict);
      } else {
        draw(errorView(error));
      }
    }
  };
  draw();
  void pane;
  return card;
}

/** Opened on a meeting in Outlook (read mode): its agenda, what I prepare, and what came out of it. */
async function meetingSection(pane: Pane): Promise<void> {
  const eventId = readModeEventId();
  if (!eventId) return;
  const section = h("section", { "aria-labelledby": "meeting" }, h("h2", { id: "meeting" }, t("thisMeeting")));
  pane.root.prepend(section);
  try {
    const { data: meeting } = await callApi<Meeting>("GET", `/api/meetings/lookup?eventId=${encodeURIComponent(eventId)}`);
    const mine = meeting.attendees.find((a) => a.email === pane.session.email.toLowerCase());
    const { data: items } = await callApi<Item[]>("GET", `/api/meetings/${meeting.id}/action-items`);
    section.append(
      h("p", {}, `${meeting.subject} · ${meeting.start.replace("T", " ").slice(0, 16)}`),
      h("h3", {}, t("agenda")),
      h("ol", {}, ...meeting.agenda.map((a) => h("li", {}, `${a.topic} — ${a.owner.displayName}, ${a.plannedMinutes} ${t("minutes")}: ${a.expectedOutput}`))),
      h("h3", {}, t("yourPreparation")),
      h("p", {}, mine?.preparation ?? t("nothingToPrepare")),
      h("h3", {}, t("itemsFromMeeting")),
      items.length === 0 ? empty(t("noItems")) : h("ul", {}, ...items.map((i) => h("li", {}, `${i.title} — ${i.owner.displayName}, ${i.dueDate ?? "—"}, ${statusLabel(i.status)}`))));
  } catch (error) {
    section.append(error instanceof ApiError && error.status === 404 ? message("info", t("notPlanned")) : errorView(error));
  }
}
