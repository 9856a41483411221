import { Button, Field, Rating, RatingDisplay, Spinner, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatInstant } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import { usePane } from "../../app/Shell";
import { useLoad } from "../../app/useLoad";
import { fromLink, QUESTIONS, type FeedbackSummary, type MeetingBrief, type MeetingDetails, type MyFeedback, type Question } from "./model";

/**
 * Meeting feedback. Opened from the minutes mail (?meeting=…&goal=n: the first question already answered) or from the
 * pane's list of recent meetings. Attendees rate; the organizer sees what they said once enough answered.
 */
export function FeedbackPane() {
  const { meeting, goal } = fromLink(location.search);
  return meeting ? <OneMeeting id={meeting} goal={goal} /> : <RecentMeetings />;
}

function OneMeeting({ id, goal }: { id: string; goal: number | null }) {
  const { t } = useTranslation();
  const { session } = usePane();
  const loaded = useLoad(
    async (signal) => {
      const found = (await callApi<MeetingDetails>("GET", `/api/meetings/${id}`, undefined, { signal })).data;
      const brief: MeetingBrief = {
        id,
        subject: found.subject,
        startUtc: found.startUtc,
        iAmOrganizer: found.organizer.email.toLowerCase() === session.email.toLowerCase(),
        inviteState: found.invite.state,
      };
      if (brief.iAmOrganizer) return { brief, mine: null };
      const mine = await callApi<MyFeedback | undefined>("GET", `/api/meetings/${id}/feedback/mine`, undefined, { signal });
      return { brief, mine: mine.status === 204 ? null : (mine.data ?? null) };
    },
    [id],
  );
  if (loaded.error) return <ProblemBar error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spinner size="small" label={t("loading")} />;
  const { brief, mine } = loaded.data;
  return (
    <>
      <header className="stack" style={{ gap: 2 }}>
        <h2>{brief.subject}</h2>
        <span className="muted">{formatInstant(brief.startUtc)}</span>
      </header>
      {brief.iAmOrganizer ? <Results id={id} /> : <RateForm id={id} goal={goal} mine={mine} />}
      <a className="pane-link" href={`/feedback.html${keepSearch()}`}>
        {t("feedbackOthers")}
      </a>
    </>
  );
}

/** The link's query without the meeting: language, theme and demo sign-in carry over. */
const keepSearch = () => {
  const query = new URLSearchParams(location.search);
  query.delete("meeting");
  query.delete("goal");
  const rest = query.toString();
  return rest ? `?${rest}` : "";
};

function RateForm({ id, goal, mine }: { id: string; goal: number | null; mine: MyFeedback | null }) {
  const { t } = useTranslation();
  const [scores, setScores] = useState<Record<Question, number>>({
    goalReached: mine?.goalReached ?? goal ?? 0,
    agendaKept: mine?.agendaKept ?? 0,
    timeWellUsed: mine?.timeWellUsed ?? 0,
  });
  const [comment, setComment] = useState(mine?.comment ?? "");
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(mine !== null);
  const [error, setError] = useState<unknown>();
  const [tried, setTried] = useState(false);
  const missing = QUESTIONS.filter((q) => scores[q] === 0);

  const send = async () => {
    setTried(true);
    if (missing.length > 0) return;
    setBusy(true);
    setError(undefined);
    try {
      await callApi<MyFeedback>("PUT", `/api/meetings/${id}/feedback/mine`, { ...scores, comment: comment.trim() || null });
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="stack card"
      onSubmit={(e) => {
        e.preventDefault();
        void send();
      }}
    >
      <p className="muted" style={{ margin: 0 }}>
        {t("feedbackIntro")}
      </p>
      {QUESTIONS.map((q) => (
        <Field
          key={q}
          label={t(`feedbackQ.${q}`)}
          validationState={tried && scores[q] === 0 ? "error" : "none"}
          validationMessage={tried && scores[q] === 0 ? t("feedbackPick") : undefined}
        >
          <Rating
            aria-label={t(`feedbackQ.${q}`)}
            value={scores[q]}
            color="marigold"
            itemLabel={(n) => t("feedbackStars", { count: n })}
            onChange={(_, d) => {
              setScores({ ...scores, [q]: d.value });
              setSent(false);
            }}
          />
        </Field>
      ))}
      <Field label={t("feedbackComment")} hint={t("feedbackAnonymous")}>
        <Textarea value={comment} onChange={(_, d) => (setComment(d.value), setSent(false))} resize="vertical" rows={2} maxLength={1000} />
      </Field>
      <div className="actions">
        <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {mine ? t("feedbackUpdate") : t("feedbackSend")}
        </Button>
      </div>
      {sent ? <Notice intent="success">{t("feedbackThanks")}</Notice> : null}
      {error ? <ProblemBar error={error} /> : null}
    </form>
  );
}

function Results({ id }: { id: string }) {
  const { t } = useTranslation();
  const summary = useLoad((signal) => callApi<FeedbackSummary>("GET", `/api/meetings/${id}/feedback`, undefined, { signal }).then((r) => r.data), [id]);
  if (summary.error) return <ProblemBar error={summary.error} onRetry={summary.reload} />;
  if (!summary.data) return <Spinner size="small" label={t("loading")} />;
  const s = summary.data;
  return (
    <section className="stack card" aria-label={t("feedbackResults")}>
      <h3>{t("feedbackResults")}</h3>
      <span>{t("feedbackAnswered", { count: s.answers, invited: String(s.invited) })}</span>
      {s.scores === null ? (
        <Notice intent="info">{t("feedbackTooFew", { count: s.minAnswers })}</Notice>
      ) : (
        <>
          <dl className="scores">
            {QUESTIONS.map((q) => (
              <div key={q}>
                <dt>{t(`feedbackQ.${q}`)}</dt>
                <dd>
                  <RatingDisplay value={s.scores![q]} color="marigold" size="small" />
                </dd>
              </div>
            ))}
          </dl>
          {s.comments && s.comments.length > 0 ? (
            <>
              <h4 className="sub">{t("feedbackComments")}</h4>
              <ul className="plain linked-items">
                {s.comments.map((c, i) => (
                  <li key={i} className="card">
                    {c}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
    </section>
  );
}

/** Meetings of the last 30 days: attendees rate them; organizers open what was said. */
function RecentMeetings() {
  const { t } = useTranslation();
  const recent = useLoad(async (signal) => {
    const now = new Date();
    const since = new Date(now.getTime() - 30 * 86_400_000);
    const list = await callApi<{ items: MeetingBrief[] }>(
      "GET",
      `/api/meetings?from=${encodeURIComponent(since.toISOString())}&to=${encodeURIComponent(now.toISOString())}`,
      undefined,
      { signal },
    );
    return list.data.items.filter((m) => m.inviteState !== "cancelled" && new Date(m.startUtc) <= now).reverse();
  }, []);
  if (recent.error) return <ProblemBar error={recent.error} onRetry={recent.reload} />;
  if (!recent.data) return <Spinner size="small" label={t("loading")} />;
  const query = keepSearch();
  const join = query ? `${query}&` : "?";
  return (
    <>
      <p style={{ margin: 0 }}>{t("feedbackPick30")}</p>
      <section className="stack" aria-label={t("feedbackTitle")}>
        {recent.data.length === 0 ? <p className="empty">{t("feedbackNoRecent")}</p> : null}
        <ul className="plain">
          {recent.data.map((m) => (
            <li key={m.id}>
              <a className="card tile" href={`/feedback.html${join}meeting=${m.id}`}>
                <span className="stack" style={{ gap: 2 }}>
                  <strong>{m.subject}</strong>
                  <span className="muted">
                    {formatInstant(m.startUtc)} · {m.iAmOrganizer ? t("feedbackSeeResults") : t("feedbackRateIt")}
                  </span>
                </span>
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
