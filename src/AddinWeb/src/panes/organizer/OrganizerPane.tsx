import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi, newKey } from "../../api";
import { ProblemBar } from "../../app/Problem";
import { usePane } from "../../app/Shell";
import { language, type MessageKey } from "../../i18n";
import { composeFields, onComposeChanged, replaceDraft, type ComposeFields } from "../../mailbox";
import { applyDirectory, withDirectory, type DirectoryPerson } from "./directory";
import { AgendaEditor } from "./AgendaEditor";
import { Section } from "./Section";
import { BasicsSection } from "./BasicsSection";
import { MeetingDone } from "./MeetingDone";
import { MyMeetings } from "./MyMeetings";
import { PeopleSection } from "./PeopleSection";
import {
  emptyPlan,
  fromDraft,
  fromMeeting,
  fromSeries,
  sectionOf,
  toBody,
  withCompose,
  type DraftedPlan,
  type Finding,
  type MeetingResponse,
  type SeriesResponse,
} from "./plan";
import { PreReadsSection } from "./PreReadsSection";
import { TemplatePicker } from "./TemplatePicker";
import { usePlanForm } from "./usePlanForm";

type Mode =
  | { kind: "new"; key: string }
  | { kind: "edit"; id: string; etag: string }
  | { kind: "editSeries"; id: string; etag: string; nextId: string }
  | { kind: "done"; meeting: MeetingResponse; etag: string; updated: boolean };
const SECTIONS = ["basics", "people", "agenda", "preReads"] as const;

/**
 * Plan a meeting: four sections that collapse (goal and time, people and roles, agenda, pre-reads) and a send bar
 * with the server's verdict beside the button. After sending: the meeting with Open in Outlook, Edit and Cancel.
 */
export function OrganizerPane() {
  const { t } = useTranslation();
  const { session } = usePane();
  const form = usePlanForm(emptyPlan(session));
  const [mode, setMode] = useState<Mode>({ kind: "new", key: newKey() });
  const [open, setOpen] = useState<string[]>(["basics", "people"]);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [refresh, setRefresh] = useState(0);
  const top = useRef<HTMLDivElement>(null);

  // Opened from a project ("Draft the kickoff"): the API's draft fills the form, for the organizer to adjust and send.
  useEffect(() => {
    const project = new URLSearchParams(location.search).get("project");
    if (!project) return;
    callApi<DraftedPlan>("GET", `/api/projects/${encodeURIComponent(project)}/kickoff`).then(
      (r) => {
        form.reset(fromDraft(r.data, session));
        setOpen(["basics", "people", "agenda"]);
      },
      (error: unknown) => setFailure(error),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Opened on an appointment being composed: start from what the organizer already typed in Outlook's form.
  useEffect(() => {
    // People from Outlook's form come with a name only: the directory knows their department.
    let inOutlook = new Set<string>(); // who Outlook's form had when last read
    // Each person is asked of the directory once; what it said is applied again when they come back to the form.
    const looked = new Set<string>();
    const known = new Map<string, DirectoryPerson>();
    const take = (fields: ComposeFields) => {
      const previous = inOutlook;
      inOutlook = new Set(fields.attendees.map((a) => a.email.toLowerCase()));
      form.update((p) => {
        const next = withCompose(p, fields, previous);
        return { ...next, attendees: applyDirectory(next.attendees, known) };
      });
      const ask = fields.attendees.filter((a) => !looked.has(a.email.toLowerCase()));
      ask.forEach((a) => looked.add(a.email.toLowerCase()));
      void withDirectory(
        ask.map((a) => ({ email: a.email.toLowerCase(), displayName: a.name, department: "", kind: "core", roles: [], preparation: "" })),
      ).then((people) => {
        people.forEach((person, email) => known.set(email, person));
        if (people.size > 0) form.update((p) => ({ ...p, attendees: applyDirectory(p.attendees, people) }));
      });
    };
    void composeFields().then((fields) => fields && take(fields));
    // Later changes in Outlook's form bring their time and people; subject and place stay as edited here.
    return onComposeChanged((fields) => take({ ...fields, subject: "", location: "" }));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const send = async (draft = false) => {
    form.submit();
    setFailure(undefined);
    const errors = (await form.check())?.errors ?? [];
    if (errors.length > 0) {
      setOpen([...new Set([...open, ...errors.map((e) => sectionOf(e.field))])]);
      return;
    }
    setSending(true);
    try {
      const body = { ...toBody(form.plan, language()), draft: draft || undefined };
      if (mode.kind === "editSeries") {
        // The whole series: then the next meeting, as it now stands, is what the organizer sees.
        await callApi<SeriesResponse>("PUT", `/api/series/${mode.id}`, body, { ifMatch: mode.etag });
        const next = await callApi<MeetingResponse>("GET", `/api/meetings/${mode.nextId}`);
        setMode({ kind: "done", meeting: next.data, etag: next.etag ?? `"${next.data.version}"`, updated: true });
        setRefresh((r) => r + 1);
        top.current?.scrollIntoView();
        return;
      }
      const response =
        mode.kind === "edit"
          ? await callApi<MeetingResponse>("PUT", `/api/meetings/${mode.id}`, body, { ifMatch: mode.etag })
          : await callApi<MeetingResponse>("POST", "/api/meetings", body, { idempotencyKey: mode.kind === "new" ? mode.key : undefined });
      setMode({ kind: "done", meeting: response.data, etag: response.etag ?? `"${response.data.version}"`, updated: mode.kind === "edit" });
      // Opened on a new appointment: the created meeting takes the draft's place, so the calendar holds one meeting.
      if (mode.kind === "new" && response.data.invite.graphEventId) replaceDraft(response.data.invite.graphEventId);
      setRefresh((r) => r + 1);
      top.current?.scrollIntoView();
    } catch (error) {
      setFailure(error);
    } finally {
      setSending(false);
    }
  };

  const edit = async (id: string) => {
    setFailure(undefined);
    try {
      const { data, etag } = await callApi<MeetingResponse>("GET", `/api/meetings/${id}`);
      form.reset(fromMeeting(data));
      setMode({ kind: "edit", id, etag: etag ?? `"${data.version}"` });
      setOpen(["basics", "people", "agenda"]);
      top.current?.scrollIntoView();
    } catch (error) {
      setFailure(error);
    }
  };
  const editSeries = async (seriesId: string) => {
    setFailure(undefined);
    try {
      const { data: series, etag } = await callApi<SeriesResponse>("GET", `/api/series/${seriesId}`);
      const coming = series.occurrences.find((o) => Date.parse(o.startUtc) > Date.now() && !o.state.startsWith("Cancel"));
      if (!coming) return;
      const { data: next } = await callApi<MeetingResponse>("GET", `/api/meetings/${coming.id}`);
      form.reset(fromSeries(series, next));
      setMode({ kind: "editSeries", id: seriesId, etag: etag ?? `"${series.version}"`, nextId: coming.id });
      setOpen(["basics", "people", "agenda"]);
      top.current?.scrollIntoView();
    } catch (error) {
      setFailure(error);
    }
  };
  const planAnother = () => {
    form.reset(emptyPlan(session));
    setMode({ kind: "new", key: newKey() });
    setOpen(["basics", "people"]);
  };

  const errors = form.shownErrors();
  const count = (section: string) => errors.filter((e) => sectionOf(e.field) === section).length;
  const warnings = form.verdict?.warnings ?? [];
  return (
    <>
      <div ref={top} />
      {mode.kind === "done" ? (
        <MeetingDone
          meeting={mode.meeting}
          updated={mode.updated}
          etag={mode.etag}
          onEdit={() => void edit(mode.meeting.id)}
          onEditSeries={mode.meeting.series ? () => void editSeries(mode.meeting.series!.id) : undefined}
          onCancelled={() => setRefresh((r) => r + 1)}
          onAnother={planAnother}
        />
      ) : (
        <form
          className="stack"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void send();
          }}
          aria-label={t(mode.kind === "editSeries" ? "editSeries" : mode.kind === "edit" ? "editMeeting" : "planMeeting")}
        >
          {mode.kind === "edit" || mode.kind === "editSeries" ? (
            <h2>{t(mode.kind === "editSeries" ? "editSeries" : "editMeeting")}</h2>
          ) : (
            <TemplatePicker
              key={mode.key}
              me={session.email}
              plan={form.plan}
              onPick={(change) => {
                form.update(change);
                setOpen((o) => (o.includes("agenda") ? o : [...o, "agenda"])); // show what the template filled in
              }}
            />
          )}
          {SECTIONS.map((section) => (
            <Section
              key={section}
              id={section}
              title={t(`section.${section}` as MessageKey)}
              open={open.includes(section)}
              onToggle={() => setOpen(open.includes(section) ? open.filter((o) => o !== section) : [...open, section])}
              badge={
                count(section) > 0 ? (
                  <Badge className="section-badge" size="small" color="danger">
                    {t("problemsInSection", { count: count(section) })}
                  </Badge>
                ) : null
              }
            >
              {section === "basics" ? <BasicsSection form={form} /> : null}
              {section === "people" ? <PeopleSection form={form} /> : null}
              {section === "agenda" ? (
                <AgendaEditor plan={form.plan} error={form.error} touch={form.touch} onChange={(agenda) => form.update((p) => ({ ...p, agenda }))} />
              ) : null}
              {section === "preReads" ? (
                <PreReadsSection plan={form.plan} error={form.error} onChange={(preReads) => form.update((p) => ({ ...p, preReads }))} />
              ) : null}
            </Section>
          ))}
          <div className="send-bar" aria-label={t("section.review")} role="region">
            {errors.length > 0 ? <Findings intent="error" title={t("errors", { count: errors.length })} findings={errors} /> : null}
            {warnings.length > 0 && (form.submitted || form.verdict?.errors.length === 0) ? (
              <Findings intent="warning" title={t("warnings")} findings={warnings} />
            ) : null}
            {form.verdict?.canSend && warnings.length === 0 ? (
              <MessageBar intent="success">
                <MessageBarBody>{t("allGood")}</MessageBarBody>
              </MessageBar>
            ) : null}
            {failure ? <ProblemBar error={failure} onRetry={() => void send()} /> : null}
            <div className="actions">
              <Button type="submit" appearance="primary" disabled={sending} icon={sending ? <Spinner size="tiny" /> : undefined}>
                {sending ? t("sending") : t(mode.kind === "editSeries" ? "saveSeries" : mode.kind === "edit" ? "saveChanges" : "send")}
              </Button>
              {mode.kind === "edit" ? (
                <Button disabled={sending} onClick={() => void send(true)}>
                  {t("saveDraft")}
                </Button>
              ) : null}
              {mode.kind === "edit" || mode.kind === "editSeries" ? <Button onClick={planAnother}>{t("cancel")}</Button> : null}
            </div>
          </div>
        </form>
      )}
      <MyMeetings refresh={refresh} onEdit={(id) => void edit(id)} />
    </>
  );
}

/** The server's findings on the plan, as a list under a title: errors (an alert) or warnings. */
function Findings({ intent, title, findings }: { intent: "error" | "warning"; title: string; findings: Finding[] }) {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === "error" ? "alert" : undefined}>
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className="problem-lines">
          {findings.map((f, i) => (
            <li key={i}>{f.message}</li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
