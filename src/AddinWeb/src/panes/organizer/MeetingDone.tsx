import { Button, Field, Spinner, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatInstant } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import type { MeetingResponse } from "./plan";
import { Responses } from "./Responses";
import { SeriesSummary } from "./SeriesPanel";
import { Topics } from "./Topics";

/** The sent meeting: what happened to the invite, its links, and what the organizer can do next. */
export function MeetingDone({
  meeting,
  updated,
  onEdit,
  onEditSeries,
  onCancelled,
  onAnother,
}: {
  meeting: MeetingResponse;
  updated: boolean;
  etag: string;
  onEdit: () => void;
  /** A meeting of a series: change the whole series (the meetings still to come). */
  onEditSeries?: () => void;
  onCancelled: () => void;
  onAnother: () => void;
}) {
  const { t } = useTranslation();
  const [cancelled, setCancelled] = useState(false);
  const sent = meeting.invite.state === "Sent" || meeting.invite.state === "sent";
  return (
    <section className="card stack" aria-labelledby="done">
      <div role="status">
        <h2 id="done">
          {cancelled ? t("invite.Cancelled") : sent ? t(meeting.agendaDraft ? "draftSaved" : updated ? "updatedInvite" : "sent") : meeting.subject}
        </h2>
      </div>
      <div className="muted">
        {meeting.subject} · {formatInstant(meeting.startUtc)}
      </div>
      {cancelled ? <Notice intent="success">{t("cancelledNotice")}</Notice> : !sent ? <Notice intent="warning">{t("pending")}</Notice> : null}
      {!cancelled && meeting.agendaDraft ? <PublishAgenda meetingId={meeting.id} /> : null}
      {!cancelled ? <SeriesSummary meeting={meeting} /> : null}
      {sent && !cancelled ? <Responses meetingId={meeting.id} /> : null}
      {!cancelled ? <Topics meetingId={meeting.id} organizer /> : null}
      {!cancelled ? (
        <div className="actions">
          {meeting.invite.joinUrl ? (
            <a className="link" href={meeting.invite.joinUrl} target="_blank" rel="noopener">
              {t("joinTeams")}
            </a>
          ) : null}
          {meeting.invite.webLink ? (
            <a className="link" href={meeting.invite.webLink} target="_blank" rel="noopener">
              {t("openInOutlook")}
            </a>
          ) : null}
        </div>
      ) : null}
      <div className="actions">
        {!cancelled ? (
          <Button size="small" onClick={onEdit}>
            {t(onEditSeries ? "editThisMeeting" : "edit")}
          </Button>
        ) : null}
        {!cancelled && onEditSeries ? (
          <Button size="small" onClick={onEditSeries}>
            {t("editSeries")}
          </Button>
        ) : null}
        {!cancelled ? (
          <CancelMeeting
            id={meeting.id}
            subject={meeting.subject}
            onDone={() => {
              setCancelled(true);
              onCancelled();
            }}
          />
        ) : null}
        <Button size="small" appearance="primary" onClick={onAnother}>
          {t("planAnother")}
        </Button>
      </div>
    </section>
  );
}

/** The organizer's saved changes are a draft: attendees still have the published agenda until this sends it, once. */
function PublishAgenda({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const publish = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await callApi("POST", `/api/meetings/${meetingId}/agenda/publish`);
      setDone(true);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  if (done) return <Notice intent="success">{t("agendaPublished")}</Notice>;
  return (
    <div className="stack">
      <Notice intent="info">{t("agendaDraftNotice")}</Notice>
      {failure ? <ProblemBar error={failure} onRetry={() => void publish()} /> : null}
      <div className="actions">
        <Button size="small" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => void publish()}>
          {t("publishAgenda")}
        </Button>
      </div>
    </div>
  );
}

/**
 * Cancel, confirmed in place (no dialog: a task pane is too narrow for one), with an optional message to the
 * attendees; Outlook sends the cancellation.
 */
export function CancelMeeting({ id, subject, onDone }: { id: string; subject: string; onDone: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const confirm = async () => {
    setBusy(true);
    setFailure(undefined);
    try {
      await callApi("POST", `/api/meetings/${id}/cancel`, { message: message || null });
      setOpen(false);
      onDone();
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  };
  if (!open)
    return (
      <Button size="small" onClick={() => setOpen(true)}>
        {t("cancelMeeting")}
      </Button>
    );
  return (
    <div className="card stack confirm" role="group" aria-label={t("cancelTitle", { subject })}>
      <strong>{t("cancelTitle", { subject })}</strong>
      <Field label={t("cancelMessage")}>
        <Textarea value={message} onChange={(_, d) => setMessage(d.value)} rows={2} />
      </Field>
      {failure ? <ProblemBar error={failure} /> : null}
      <div className="actions">
        <Button size="small" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => void confirm()}>
          {t("cancelConfirm")}
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          {t("keepMeeting")}
        </Button>
      </div>
    </div>
  );
}
