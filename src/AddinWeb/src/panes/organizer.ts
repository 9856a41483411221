import { callApi } from "../api";
import { composeAttendees, isAppointmentCompose } from "../mailbox";
import { language, t } from "../i18n";
import { startPane } from "../shell";
import { busy, empty, errorView, field, h, message, replace, statusLabel } from "../ui";

interface Attendee { email: string; displayName: string; department: string; kind: "core" | "optional"; roles: string[]; preparation: string }
interface AgendaItem { id?: string; topic: string; discussion: string; owner: string; plannedMinutes: number | null; expectedOutput: string }
interface PreRead { title: string; url: string; readers: string }
interface Finding { code: string; field: string; message: string }
interface Verdict { errors: Finding[]; warnings: Finding[]; canSend: boolean }
interface Created { id: string; subject: string; invite: { state: string; webLink: string | null; joinUrl: string | null }; warnings: Finding[] }

const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
const local = (days: number, hour: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  d.setHours(hour, 0, 0, 0);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}T${String(hour).padStart(2, "0")}:00`;
};

void startPane(() => t("planMeeting"), async ({ root, session }) => {
  const plan = {
    subject: "", goal: "", start: local(7, 10), end: local(7, 11), timeZone: zone, location: "", isOnlineMeeting: true,
    attendees: [{ email: session.email, displayName: session.name, department: "", kind: "core", roles: ["host"], preparation: "" }] as Attendee[],
    agenda: [] as AgendaItem[],
    preReads: [] as PreRead[],
  };
  // One key per plan: sending it again (a second click, a retry after a lost answer) returns the same meeting.
  // (getRandomValues, not randomUUID: the pane may be served over plain http on a LAN in demo mode.)
  const createKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  const verdictBox = h("div", { "aria-live": "polite" });
  const budget = h("div");
  const form = h("form", { novalidate: true });
  const result = h("div");
  let timer = 0;
  let verdict: Verdict | null = null;

  const body = () => ({
    ...plan, language: language(),
    agenda: plan.agenda.map((a) => ({ ...a, plannedMinutes: a.plannedMinutes ?? null })),
    preReads: plan.preReads.map((p) => ({ title: p.title, url: p.url, readers: p.readers.split(/[,;，]/).map((r) => r.trim()).filter(Boolean) })),
  });

  // The server stays the authority: this only shows its verdict as the organizer types.
  const validate = () => {
    clearTimeout(timer);
    timer = window.setTimeout(async () => {
      try {
        verdict = (await callApi<Verdict>("POST", "/api/meetings/validate", body())).data;
        showVerdict();
      } catch (error) { replace(verdictBox, errorView(error)); }
    }, 350);
  };

  const showVerdict = () => {
    form.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
    form.querySelectorAll(".field-error").forEach((e) => e.remove());
    if (!verdict) return;
    for (const finding of verdict.errors) {
      const control = form.querySelector<HTMLElement>(`[data-field="${CSS.escape(finding.field)}"]`);
      if (!control) continue;
      control.setAttribute("aria-invalid", "true");
      control.insertAdjacentElement("afterend", h("div", { class: "field-error" }, finding.message));
    }
    replace(verdictBox,
      verdict.errors.length > 0 ? h("div", { class: "message error", role: "alert" }, h("strong", {}, t("errors")), h("ul", {}, ...verdict.errors.map((e) => h("li", {}, e.message)))) : null,
      verdict.warnings.length > 0 ? h("div", { class: "message warning" }, h("strong", {}, t("warnings")), h("ul", {}, ...verdict.warnings.map((w) => h("li", {}, w.message)))) : null,
      verdict.canSend && verdict.warnings.length === 0 ? message("success", t("allGood")) : null);
  };

  const drawBudget = () => {
    const length = Math.max(0, (new Date(plan.end).getTime() - new Date(plan.start).getTime()) / 60000);
    const planned = plan.agenda.reduce((n, a) => n + (a.plannedMinutes ?? 0), 0);
    const share = length === 0 ? 100 : Math.min(100, (planned / length) * 100);
    replace(budget, h("div", { class: "field" },
      h("span", { id: "budget-label" }, `${t("timeBudget")}: ${t("minutesOf", planned, length)}`),
      h("div", { class: `budget${planned > length ? " over" : ""}`, role: "progressbar", "aria-labelledby": "budget-label",
        "aria-valuemin": 0, "aria-valuemax": length, "aria-valuenow": planned }, h("div", { style: `width:${share}%` }))));
  };

  const input = (value: string, set: (v: string) => void, fieldPath: string, type = "text") => {
    const control = h("input", { type, value, "data-field": fieldPath });
    control.addEventListener("input", () => { set(control.value); drawBudget(); validate(); });
    return control;
  };
  const text = (value: string, set: (v: string) => void, fieldPath: string) => {
    const control = h("textarea", { rows: 2, "data-field": fieldPath }, value);
    control.addEventListener("input", () => { set(control.value); validate(); });
    return control;
  };

  const draw = () => {
    const online = h("input", { type: "checkbox", checked: plan.isOnlineMeeting });
    online.addEventListener("change", () => { plan.isOnlineMeeting = online.checked; validate(); });
    replace(form,
      field(t("subject"), input(plan.subject, (v) => plan.subject = v, "subject")),
      field(t("goal"), text(plan.goal, (v) => plan.goal = v, "goal")),
      h("div", { class: "row" },
        field(t("start"), input(plan.start, (v) => plan.start = v, "start", "datetime-local")),
        field(t("end"), input(plan.end, (v) => plan.end = v, "end", "datetime-local")),
        field(t("timeZone"), input(plan.timeZone, (v) => plan.timeZone = v, "timeZone"))),
      h("div", { class: "row" },
        field(t("location"), input(plan.location, (v) => plan.location = v, "location")),
        h("div", { class: "field" }, h("label", {}, online, ` ${t("teams")}`))),
      attendeesSection(), agendaSection(), budget, preReadsSection(),
      h("div", { class: "actions" },
        h("button", { type: "button", onclick: (e: Event) => void suggest(e.currentTarget as HTMLButtonElement) }, t("suggestTimes")),
        h("button", { type: "submit", class: "primary" }, t("send"))),
      suggestions, verdictBox, result);
    drawBudget();
    showVerdict();
  };

  const attendeesSection = () => {
    const fieldset = h("fieldset", { "data-field": "attendees" }, h("legend", {}, t("attendees")));
    plan.attendees.forEach((a, i) => {
      const kind = h("select", { "data-field": `attendees[${i}].kind` },
        h("option", { value: "core", selected: a.kind === "core" }, t("core")), h("option", { value: "optional", selected: a.kind === "optional" }, t("optional")));
      kind.addEventListener("change", () => { a.kind = kind.value as Attendee["kind"]; validate(); });
      const roles = ["host", "noteTaker", "timekeeper"].map((role) => {
        const box = h("input", { type: "checkbox", checked: a.roles.includes(role) });
        box.addEventListener("change", () => { a.roles = box.checked ? [...a.roles, role] : a.roles.filter((r) => r !== role); validate(); });
        return h("label", {}, box, ` ${t(`role.${role}` as "role.host")} `);
      });
      fieldset.append(h("div", { class: "card", role: "group", "aria-label": `${t("attendees")} ${i + 1}` },
        h("div", { class: "row" },
          field(t("email"), input(a.email, (v) => a.email = v, `attendees[${i}].email`, "email")),
          field(t("name"), input(a.displayName, (v) => a.displayName = v, `attendees[${i}].displayName`)),
          field(t("department"), input(a.department, (v) => a.department = v, `attendees[${i}].department`)),
          field(t("kind"), kind)),
        h("div", { class: "field", role: "group", "aria-label": t("roles") }, h("span", {}, t("roles")), h("div", {}, ...roles)),
        field(t("preparation"), input(a.preparation, (v) => a.preparation = v, `attendees[${i}].preparation`)),
        h("button", { type: "button", onclick: () => { plan.attendees.splice(i, 1); draw(); validate(); } }, `${t("remove")} ${a.displayName || a.email}`)));
    });
    fieldset.append(directoryPicker(), h("div", { class: "actions" },
      h("button", { type: "button", onclick: () => { plan.attendees.push({ email: "", displayName: "", department: "", kind: "core", roles: [], preparation: "" }); draw(); } }, t("addAttendee")),
      isAppointmentCompose() ? h("button", { type: "button", onclick: () => void fromAppointment() }, t("fromAppointment")) : null));
    return fieldset;
  };

  const found = h("ul", { "aria-live": "polite" });
  let searchTimer = 0;
  const directoryPicker = () => {
    const search = h("input", { type: "search", autocomplete: "off" });
    search.addEventListener("input", () => {
      clearTimeout(searchTimer);
      const text = search.value.trim();
      if (text.length < 2) { replace(found); return; }
      searchTimer = window.setTimeout(async () => {
        try {
          const { data } = await callApi<Array<{ email: string; displayName: string; department: string | null }>>("GET", `/api/people?search=${encodeURIComponent(text)}`);
          replace(found, ...(data.length === 0 ? [h("li", {}, t("noPeople"))] : data.map((p) => h("li", {},
            h("button", { type: "button", class: "link", onclick: () => {
              if (!plan.attendees.some((a) => a.email.toLowerCase() === p.email)) plan.attendees.push({ email: p.email, displayName: p.displayName, department: p.department ?? "", kind: "core", roles: [], preparation: "" });
              replace(found);
              draw();
              validate();
            } }, `${t("add")} ${p.displayName} <${p.email}>${p.department ? ` · ${p.department}` : ""}`)))));
        } catch (error) { replace(found, h("li", {}, errorView(error))); }
      }, 250);
    });
    return h("div", {}, field(t("findPeople"), search), found);
  };

  const agendaSection = () => {
    const fieldset = h("fieldset", { "data-field": "agenda" }, h("legend", {}, t("agendaItems")));
    plan.agenda.forEach((a, i) => {
      fieldset.append(h("div", { class: "card", role: "group", "aria-label": `${t("agendaItems")} ${i + 1}` },
        h("div", { class: "row" },
          field(t("topic"), input(a.topic, (v) => a.topic = v, `agenda[${i}].topic`)),
          field(t("owner"), input(a.owner, (v) => a.owner = v, `agenda[${i}].owner`, "email")),
          field(t("minutes"), input(a.plannedMinutes?.toString() ?? "", (v) => a.plannedMinutes = v === "" ? null : Number(v), `agenda[${i}].plannedMinutes`, "number"))),
        field(t("discussion"), input(a.discussion, (v) => a.discussion = v, `agenda[${i}].discussion`)),
        field(t("expectedOutput"), input(a.expectedOutput, (v) => a.expectedOutput = v, `agenda[${i}].expectedOutput`)),
        h("button", { type: "button", onclick: () => { plan.agenda.splice(i, 1); draw(); validate(); } }, `${t("remove")} ${a.topic || i + 1}`)));
    });
    fieldset.append(h("button", { type: "button", onclick: () => { plan.agenda.push({ topic: "", discussion: "", owner: session.email, plannedMinutes: 15, expectedOutput: "" }); draw(); validate(); } }, t("addAgendaItem")));
    return fieldset;
  };

  const preReadsSection = () => {
    const fieldset = h("fieldset", {}, h("legend", {}, t("preReads")));
    plan.preReads.forEach((p, i) => fieldset.append(h("div", { class: "row", role: "group", "aria-label": `${t("preReads")} ${i + 1}` },
      field(t("title"), input(p.title, (v) => p.title = v, `preReads[${i}].title`)),
      field(t("link"), input(p.url, (v) => p.url = v, `preReads[${i}].url`, "url")),
      field(t("readers"), input(p.readers, (v) => p.readers = v, `preReads[${i}].readers`)))));
    fieldset.append(h("button", { type: "button", onclick: () => { plan.preReads.push({ title: "", url: "", readers: "" }); draw(); } }, t("addPreRead")));
    return fieldset;
  };

  const fromAppointment = async () => {
    for (const a of await composeAttendees())
      if (!plan.attendees.some((x) => x.email.toLowerCase() === a.email.toLowerCase()))
        plan.attendees.push({ email: a.email, displayName: a.name, department: "", kind: a.required ? "core" : "optional", roles: [], preparation: "" });
    draw();
    validate();
  };

  const suggestions = h("div", { "aria-live": "polite" });
  const suggest = async (button: HTMLButtonElement) => {
    const minutes = Math.max(15, (new Date(plan.end).getTime() - new Date(plan.start).getTime()) / 60000);
    const day = plan.start.slice(0, 10);
    try {
      const { data } = await busy(button, t("loading"), () => callApi<{ source: string; suggestions: Array<{ start: string; end: string; confidence: number }> }>(
        "POST", "/api/meetings/find-times", {
          attendees: plan.attendees.filter((a) => a.email && a.email !== session.email).map((a) => ({ email: a.email, displayName: a.displayName, required: a.kind === "core" })),
          durationMinutes: minutes, from: `${day}T00:00`, to: `${shiftDays(day, 5)}T23:59`, timeZone: plan.timeZone, maxSuggestions: 5,
        }));
      replace(suggestions, h("h3", {}, t("suggestions")), data.suggestions.length === 0 ? empty(t("noSuggestions")) :
        h("ul", {}, ...data.suggestions.map((s) => h("li", {}, `${s.start.replace("T", " ").slice(0, 16)}–${s.end.slice(11, 16)} (${Math.round(s.confidence)}%) `,
          h("button", { type: "button", class: "link", onclick: () => { plan.start = s.start.slice(0, 16); plan.end = s.end.slice(0, 16); draw(); validate(); } }, t("use"))))));
    } catch (error) { replace(suggestions, errorView(error)); }
  };

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    try {
      const { data } = await busy(button, t("saving"), () => callApi<Created>("POST", "/api/meetings", body(), { idempotencyKey: createKey }));
      await showCreated(data);
    } catch (error) { replace(result, errorView(error)); }
  });

  const showCreated = async (meeting: Created) => {
    const sent = meeting.invite.state === "sent";
    replace(result, h("div", { class: "card", role: "status" },
      h("h2", {}, sent ? t("sent") : meeting.subject),
      sent ? null : message("warning", t("pending")),
      meeting.invite.joinUrl ? h("p", {}, h("a", { href: meeting.invite.joinUrl, target: "_blank", rel: "noopener" }, t("joinTeams"))) : null,
      meeting.invite.webLink ? h("p", {}, h("a", { href: meeting.invite.webLink, target: "_blank", rel: "noopener" }, t("openInOutlook"))) : null,
      h("h3", {}, t("progress")), await progress(meeting.id)));
    result.scrollIntoView();
  };

  const progress = async (id: string) => {
    const { data } = await callApi<Array<{ title: string; owner: { displayName: string }; dueDate: string | null; status: string }>>("GET", `/api/meetings/${id}/action-items`);
    return data.length === 0 ? empty(t("noItems")) : h("ul", {}, ...data.map((i) => h("li", {}, `${i.title} — ${i.owner.displayName}, ${i.dueDate ?? "—"}, ${statusLabel(i.status)}`)));
  };

  replace(root, h("h2", {}, t("planMeeting")), form, await myMeetings(progress));
  draw();
  validate();
});

/** Meetings I organized, newest first, each with the progress of what came out of it. */
async function myMeetings(progress: (id: string) => Promise<HTMLElement>): Promise<HTMLElement> {
  const { data } = await callApi<{ items: Array<{ id: string; subject: string; startUtc: string }> }>("GET", "/api/meetings?as=organizer");
  const section = h("section", { "aria-labelledby": "my-meetings" }, h("h2", { id: "my-meetings" }, t("myMeetings")));
  if (data.items.length === 0) { section.append(empty(t("noOrganized"))); return section; }
  for (const meeting of [...data.items].reverse().slice(0, 10)) {
    const details = h("details", {}, h("summary", {}, `${meeting.subject} · ${meeting.startUtc.slice(0, 10)}`));
    details.addEventListener("toggle", async () => {
      if (!details.open || details.dataset.loaded) return;
      details.dataset.loaded = "1";
      details.append(await progress(meeting.id));
    });
    section.append(details);
  }
  return section;
}

function shiftDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00`);
  d.setDate(d.getDate() + days);
  return d.toISOString().slice(0, 10);
}
