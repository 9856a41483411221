import { Badge, Button, Spinner } from "@fluentui/react-components";
import { ArrowClockwiseRegular } from "@fluentui/react-icons/svg/arrow-clockwise";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "../../api";
import { formatInstant } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";

type Answer = "accepted" | "tentative" | "declined" | "none";
interface Answers {
  live: boolean;
  counts: { accepted: number; tentative: number; declined: number; none: number };
  attendees: Array<{ email: string; displayName: string; kind: string; response: Answer; proposedStartUtc: string | null }>;
  warnings: string[];
}
const COLOR: Record<Answer, "success" | "warning" | "danger" | "informative"> = {
  accepted: "success",
  tentative: "warning",
  declined: "danger",
  none: "informative",
};

/**
 * Who answered the invite how (from Outlook, through the API): counts, each person's answer and any new time they
 * proposed, and a warning when someone the meeting depends on declined. Shown only to those running the meeting.
 */
export function Responses({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation();
  const answers = useLoad(
    async (signal) => {
      try {
        return (await callApi<Answers>("GET", `/api/meetings/${meetingId}/responses`, undefined, { signal })).data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 403) return null; // an attendee: the answers are not theirs to see
        throw error;
      }
    },
    [meetingId],
  );
  if (answers.error) return <ProblemBar error={answers.error} onRetry={answers.reload} />;
  if (answers.data === null) return null;
  if (!answers.data) return <Spinner size="tiny" label={t("loading")} />;
  const a = answers.data;
  return (
    <section className="stack" aria-labelledby={`answers-${meetingId}`}>
      <div className="agenda-head">
        <h3 id={`answers-${meetingId}`} className="grow">
          {t("rsvpTitle")}
        </h3>
        <Button size="small" appearance="subtle" icon={<ArrowClockwiseRegular />} aria-label={t("rsvpRefresh")} onClick={answers.reload} />
      </div>
      <div className="chips">
        {(["accepted", "tentative", "declined", "none"] as const).map((k) => (
          <Badge key={k} appearance="tint" color={COLOR[k]}>
            {t(`rsvp.${k}`)} {a.counts[k]}
          </Badge>
        ))}
      </div>
      {!a.live ? <Notice intent="info">{t("rsvpNotLive")}</Notice> : null}
      {a.warnings.map((w, i) => (
        <Notice key={i} intent="warning">
          {w}
        </Notice>
      ))}
      <ul className="plain linked-items">
        {a.attendees.map((p) => (
          <li key={p.email}>
            <Badge size="small" appearance="outline" color={COLOR[p.response]}>
              {t(`rsvp.${p.response}`)}
            </Badge>{" "}
            {p.displayName}
            {p.kind === "optional" ? <span className="muted"> · {t("optional")}</span> : null}
            {p.proposedStartUtc ? <span className="muted"> · {t("rsvpProposed", { when: formatInstant(p.proposedStartUtc) })}</span> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
