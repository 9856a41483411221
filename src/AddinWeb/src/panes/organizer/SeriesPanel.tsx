import { Badge, Button } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatDay } from "../../app/format";
import { paneLink } from "../../app/links";
import { ProblemBar } from "../../app/Problem";
import type { MeetingResponse } from "./plan";

type SeriesMeeting = Pick<MeetingResponse, "id" | "series" | "openItems"> & { agenda: Array<{ id: string; topic: string }> };

/**
 * A meeting of a series: where it stands in the series, and (from the second meeting on) the open items earlier
 * meetings left — carried, not copied.
 */
export function SeriesSummary({ meeting }: { meeting: SeriesMeeting }) {
  const { t } = useTranslation();
  const series = meeting.series;
  if (!series) return null;
  const open = meeting.openItems ?? [];
  return (
    <div className="stack" role="group" aria-label={t("series")}>
      <div className="muted">
        {t("seriesPlace", { number: String(series.number), total: String(series.count) })} · {series.description}
      </div>
      <a className="pane-link" href={paneLink("decisions", { series: series.id })}>
        {t("seriesDecisions")}
      </a>
      {series.number <= 1 ? null : <h3>{t("openItemsTitle", { count: open.length })}</h3>}
      {series.number <= 1 ? null : open.length === 0 ? (
        <p className="empty">{t("noOpenItems")}</p>
      ) : (
        <ul className="plain stack" style={{ gap: 4 }}>
          {open.map((o) => (
            <li key={o.id}>
              <strong>{o.title}</strong>{" "}
              <Badge appearance="tint" color={o.status === "blocked" || o.needsHelp ? "danger" : "informative"}>
                {t(`status.${o.status}`)}
              </Badge>
              <div className="muted">
                {o.ownerName}
                {o.dueDate ? ` · ${t("dueShort")} ${formatDay(o.dueDate)}` : ""}
                {o.progress ? ` · ${o.progress}` : ""}
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The parking lot (organizer): an agenda topic not finished here moves to the series' next meeting in one click. */
export function ParkingLot({ meeting }: { meeting: SeriesMeeting }) {
  const { t } = useTranslation();
  const [parked, setParked] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<unknown>();
  if (!meeting.series?.nextId || meeting.agenda.length === 0) return null;
  const park = async (itemId: string) => {
    setFailure(undefined);
    try {
      await callApi("POST", `/api/meetings/${meeting.id}/agenda/${itemId}/park`, {});
      setParked((p) => new Set(p).add(itemId));
    } catch (e) {
      setFailure(e);
    }
  };
  return (
    <div className="stack" role="group" aria-label={t("parkingLot")}>
      <h3>{t("parkingLot")}</h3>
      <p className="muted">{t("parkingLotHint")}</p>
      <ul className="plain stack" style={{ gap: 4 }}>
        {meeting.agenda.map((a) => (
          <li key={a.id} className="row" style={{ alignItems: "center", justifyContent: "space-between" }}>
            <span>{a.topic}</span>
            <Button size="small" disabled={parked.has(a.id)} onClick={() => void park(a.id)}>
              {parked.has(a.id) ? t("parked") : t("parkTopic")}
            </Button>
          </li>
        ))}
      </ul>
      {failure ? <ProblemBar error={failure} /> : null}
    </div>
  );
}
