import { Badge, Button, Field, Input, Spinner, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { Notice, ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";

interface Topic {
  id: string;
  proposer: { displayName: string };
  topic: string;
  why: string;
  minutes: number;
  expectedOutput: string;
  status: "pending" | "accepted" | "declined";
  declineReason: string | null;
}

/**
 * Topics attendees proposed. The organizer accepts one (it joins the agenda, owned by its proposer, and the invite is
 * updated) or declines it with a reason; an attendee sees their own proposals and their answers, and proposes another.
 */
export function Topics({ meetingId, organizer, onAgendaChanged }: { meetingId: string; organizer: boolean; onAgendaChanged?: () => void }) {
  const { t } = useTranslation();
  const topics = useLoad((signal) => callApi<Topic[]>("GET", `/api/meetings/${meetingId}/topics`, undefined, { signal }).then((r) => r.data), [meetingId]);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string | null>(null);
  const [declining, setDeclining] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  if (topics.error) return <ProblemBar error={topics.error} onRetry={topics.reload} />;
  if (!topics.data) return <Spinner size="tiny" label={t("loading")} />;
  if (organizer && topics.data.length === 0) return null;

  const decide = async (topic: Topic, accept: boolean) => {
    setBusy(topic.id);
    setError(undefined);
    try {
      await callApi("POST", `/api/meetings/${meetingId}/topics/${topic.id}/${accept ? "accept" : "decline"}`, accept ? undefined : { reason });
      setDeclining(null);
      setReason("");
      topics.reload();
      if (accept) onAgendaChanged?.();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="stack" aria-labelledby={`topics-${meetingId}`}>
      <h3 id={`topics-${meetingId}`}>{organizer ? t("topicsProposed") : t("topicsMine")}</h3>
      <ul className="plain">
        {topics.data.map((topic) => (
          <li key={topic.id} className="card stack" style={{ gap: 4, padding: 8 }} aria-label={topic.topic}>
            <strong>{topic.topic}</strong>
            <span className="muted">
              {topic.proposer.displayName} · {t("minutesShort", { count: topic.minutes })} · {topic.expectedOutput}
            </span>
            <span>{topic.why}</span>
            {topic.status !== "pending" ? (
              <div>
                <Badge appearance="tint" color={topic.status === "accepted" ? "success" : "danger"}>
                  {t(`topicStatus.${topic.status}`)}
                </Badge>
                {topic.declineReason ? <span className="muted"> {topic.declineReason}</span> : null}
              </div>
            ) : organizer ? (
              declining === topic.id ? (
                <div className="stack" style={{ gap: 4 }}>
                  <Field label={t("topicDeclineReason")} required>
                    <Textarea value={reason} onChange={(_, d) => setReason(d.value)} rows={2} />
                  </Field>
                  <div className="actions">
                    <Button size="small" appearance="primary" disabled={!!busy || !reason.trim()} onClick={() => void decide(topic, false)}>
                      {t("topicDecline")}
                    </Button>
                    <Button size="small" onClick={() => setDeclining(null)}>
                      {t("cancel")}
                    </Button>
                  </div>
                </div>
              ) : (
                <div className="actions">
                  <Button
                    size="small"
                    appearance="primary"
                    disabled={!!busy}
                    icon={busy === topic.id ? <Spinner size="tiny" /> : undefined}
                    onClick={() => void decide(topic, true)}
                  >
                    {t("topicAccept")}
                  </Button>
                  <Button size="small" disabled={!!busy} onClick={() => setDeclining(topic.id)}>
                    {t("topicDecline")}
                  </Button>
                </div>
              )
            ) : (
              <Badge appearance="tint" color="informative">
                {t("topicStatus.pending")}
              </Badge>
            )}
          </li>
        ))}
      </ul>
      {error ? <ProblemBar error={error} /> : null}
      {!organizer ? <ProposeTopic meetingId={meetingId} onProposed={topics.reload} /> : null}
    </section>
  );
}

function ProposeTopic({ meetingId, onProposed }: { meetingId: string; onProposed: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ topic: "", why: "", minutes: "10", expectedOutput: "" });
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<"sent" | { error: unknown } | null>(null);
  if (!open)
    return (
      <div>
        <Button size="small" onClick={() => setOpen(true)}>
          {t("topicPropose")}
        </Button>
        {outcome === "sent" ? <Notice intent="success">{t("topicSent")}</Notice> : null}
      </div>
    );
  const set = (key: keyof typeof form) => (_: unknown, d: { value: string }) => setForm({ ...form, [key]: d.value });
  return (
    <form
      className="card stack"
      aria-label={t("topicPropose")}
      onSubmit={(e) => {
        e.preventDefault();
        setBusy(true);
        callApi("POST", `/api/meetings/${meetingId}/topics`, { ...form, minutes: Number(form.minutes) }).then(
          () => (setOutcome("sent"), setOpen(false), setForm({ topic: "", why: "", minutes: "10", expectedOutput: "" }), setBusy(false), onProposed()),
          (error: unknown) => (setOutcome({ error }), setBusy(false)),
        );
      }}
    >
      <Field label={t("topicTopic")} required>
        <Input value={form.topic} onChange={set("topic")} />
      </Field>
      <Field label={t("topicWhy")} required>
        <Textarea value={form.why} onChange={set("why")} rows={2} />
      </Field>
      <div className="row">
        <Field label={t("topicMinutes")} required>
          <Input type="number" min={1} max={120} value={form.minutes} onChange={set("minutes")} />
        </Field>
        <Field label={t("expectedOutput")} required>
          <Input value={form.expectedOutput} onChange={set("expectedOutput")} />
        </Field>
      </div>
      <div className="actions">
        <Button type="submit" appearance="primary" disabled={busy}>
          {t("topicSend")}
        </Button>
        <Button onClick={() => setOpen(false)}>{t("cancel")}</Button>
      </div>
      {outcome && outcome !== "sent" ? <ProblemBar error={outcome.error} /> : null}
    </form>
  );
}
