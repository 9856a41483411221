import { Spinner } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "../../api";
import { formatDay, formatInstant } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import { usePane } from "../../app/Shell";
import { useLoad } from "../../app/useLoad";
import { readModeEventId, readModeStart } from "../../mailbox";
import { paneLink } from "../../app/links";
import { SignOff } from "../minutes/SignOff";
import type { MeetingResponse } from "../organizer/plan";
import { Responses } from "../organizer/Responses";
import { ParkingLot, SeriesSummary } from "../organizer/SeriesPanel";
import { Topics } from "../organizer/Topics";
import type { Item } from "./model";

interface Meeting extends Pick<MeetingResponse, "series" | "openItems"> {
  id: string;
  subject: string;
  startUtc: string;
  agenda: Array<{ id: string; position: number; topic: string; owner: { displayName: string }; plannedMinutes: number; expectedOutput: string }>;
  attendees: Array<{ email: string; preparation: string | null }>;
  organizer: { email: string };
}

/** Opened on a meeting in Outlook (read mode): its agenda, what I prepare, and what came out of it. */
export function MeetingSection() {
  const { t } = useTranslation();
  const { session } = usePane();
  const eventId = readModeEventId();
  const start = readModeStart();
  const meeting = useLoad(
    async (signal) => {
      if (!eventId) return null;
      try {
        const at = start ? `&start=${encodeURIComponent(start)}` : "";
        const { data } = await callApi<Meeting>("GET", `/api/meetings/lookup?eventId=${encodeURIComponent(eventId)}${at}`, undefined, { signal });
        const items = await callApi<Item[]>("GET", `/api/meetings/${data.id}/action-items`, undefined, { signal });
        return { meeting: data, items: items.data };
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return "unknown" as const;
        throw error;
      }
    },
    [eventId, start],
  );
  if (!eventId) return null;
  let body: React.ReactNode;
  if (meeting.error) body = <ProblemBar error={meeting.error} onRetry={meeting.reload} />;
  else if (!meeting.data) body = <Spinner size="tiny" label={t("loading")} />;
  else if (meeting.data === "unknown") body = <Notice intent="info">{t("notPlanned")}</Notice>;
  else {
    const { meeting: m, items } = meeting.data;
    const mine = m.attendees.find((a) => a.email === session.email.toLowerCase());
    const organizer = m.organizer.email.toLowerCase() === session.email.toLowerCase();
    body = (
      <>
        <div className="muted">
          {m.subject} · {formatInstant(m.startUtc)}
        </div>
        <SeriesSummary meeting={m} />
        <h3>{t("agenda")}</h3>
        <ol>
          {m.agenda.map((a) => (
            <li key={a.position}>
              {a.topic} · {a.owner.displayName} · {t("minutesShort", { count: a.plannedMinutes })}
              {a.expectedOutput ? ` · ${a.expectedOutput}` : ""}
            </li>
          ))}
        </ol>
        {organizer ? <ParkingLot meeting={m} /> : null}
        <h3>{t("yourPreparation")}</h3>
        <p>{mine?.preparation || t("nothingToPrepare")}</p>
        <a className="pane-link" href={paneLink("clock", { meeting: m.id })}>
          {t("openClock")}
        </a>
        <Responses meetingId={m.id} />
        <Topics meetingId={m.id} organizer={organizer} onAgendaChanged={meeting.reload} />
        <SignOff meetingId={m.id} />
        <h3>{t("itemsFromMeeting")}</h3>
        {items.length === 0 ? (
          <p className="empty">{t("noItemsYet")}</p>
        ) : (
          <ul>
            {items.map((i) => (
              <li key={i.id}>
                {i.title} · {i.owner.displayName} · {i.dueDate ? formatDay(i.dueDate) : t("noDue")} · {t(`status.${i.status}`)}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  }
  return (
    <section className="card stack" aria-labelledby="meeting">
      <h2 id="meeting">{t("thisMeeting")}</h2>
      {body}
    </section>
  );
}
