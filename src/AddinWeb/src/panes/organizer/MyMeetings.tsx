import { Badge, Button, Spinner } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatInstant, parseInstant } from "../../app/format";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import type { MessageKey } from "../../i18n";
import { CancelMeeting } from "./MeetingDone";

interface Organized {
  id: string;
  subject: string;
  startUtc: string;
  endUtc: string;
  inviteState: string;
  inviteError: string | null;
  items: { total: number; done: number; overdue: number };
}
const COLOR: Record<string, "success" | "warning" | "danger" | "subtle" | "informative"> = {
  Sent: "success",
  CreatePending: "warning",
  UpdatePending: "warning",
  CancelPending: "subtle",
  Cancelled: "subtle",
  Failed: "danger",
  None: "informative",
};
const state = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Meetings I organized, newest first: local dates, invite state (and why it failed), item progress, edit and cancel. */
export function MyMeetings({ refresh, onEdit }: { refresh: number; onEdit: (id: string) => void }) {
  const { t } = useTranslation();
  const list = useLoad(
    (signal) =>
      callApi<{ items: Organized[] }>("GET", "/api/meetings?as=organizer", undefined, { signal }).then((r) => [...r.data.items].reverse().slice(0, 20)),
    [refresh],
  );
  let body: React.ReactNode;
  if (list.error) body = <ProblemBar error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <Spinner size="tiny" label={t("loading")} />;
  else if (list.data.length === 0) body = <p className="empty">{t("noOrganized")}</p>;
  else
    body = (
      <ul className="plain">
        {list.data.map((m) => {
          const s = state(m.inviteState);
          const live = s !== "Cancelled" && s !== "CancelPending";
          const ahead = parseInstant(m.endUtc).getTime() > Date.now(); // a past meeting is not edited or cancelled
          return (
            <li key={m.id} className="card stack" style={{ gap: 4, padding: 8 }} aria-label={m.subject}>
              <div className="item-head">
                <h3 className="item-title" style={live ? undefined : { textDecoration: "line-through" }}>
                  {m.subject}
                </h3>
                <Badge size="small" appearance="tint" color={COLOR[s] ?? "informative"}>
                  {t(`invite.${s}` as MessageKey)}
                </Badge>
              </div>
              <div className="muted">
                {formatInstant(m.startUtc, { weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" })}
              </div>
              {s === "Failed" && m.inviteError ? (
                <div className="muted" style={{ color: "var(--colorPaletteRedForeground1)" }}>
                  {m.inviteError}
                </div>
              ) : null}
              <div className="muted">
                {m.items.total === 0 ? t("noItemsYet") : t("itemProgress", { done: m.items.done, total: m.items.total })}
                {m.items.overdue > 0 ? (
                  <>
                    {" "}
                    ·{" "}
                    <Badge size="small" color="danger">
                      {t("itemsOverdue", { count: m.items.overdue })}
                    </Badge>
                  </>
                ) : null}
              </div>
              {live && ahead ? (
                <div className="actions">
                  <Button size="small" onClick={() => onEdit(m.id)} aria-label={`${t("edit")}: ${m.subject}`}>
                    {t("edit")}
                  </Button>
                  <CancelMeeting id={m.id} subject={m.subject} onDone={list.reload} />
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
    );
  return (
    <section className="stack" aria-labelledby="my-meetings">
      <h2 id="my-meetings">{t("myMeetings")}</h2>
      {body}
    </section>
  );
}
