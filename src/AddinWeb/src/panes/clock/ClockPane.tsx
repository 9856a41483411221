import { Badge, Button, ProgressBar, Spinner } from "@fluentui/react-components";
import { NextRegular } from "@fluentui/react-icons/svg/next";
import { PlayRegular } from "@fluentui/react-icons/svg/play";
import { StopRegular } from "@fluentui/react-icons/svg/stop";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "../../api";
import { Notice, ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { CaptureForm } from "./CaptureForm";

interface ClockItem {
  id: string;
  number: number;
  topic: string;
  owner: string;
  plannedMinutes: number;
  actualSeconds: number | null;
  state: "done" | "current" | "next";
}
interface ClockState {
  now: string;
  startedAt: string | null;
  position: number | null;
  finished: boolean;
  itemElapsedSeconds: number;
  itemRemainingSeconds: number;
  meetingRemainingSeconds: number;
  projectedOverrunMinutes: number;
  items: ClockItem[];
  canRun: boolean;
  canCapture: boolean;
}

/** "12:05", or "−3:20" past zero. */
export function clockText(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return seconds < 0 ? `−${text}` : text;
}

const meetingOf = () => /^[0-9a-f-]{36}$/i.exec(new URLSearchParams(location.search).get("meeting") ?? "")?.[0] ?? null;

/**
 * The timekeeper's clock (计时员): the agenda item on the clock and its time left, the meeting against its end, and an
 * overrun warning. Times come from the server and tick here each second; the host or timekeeper moves to the next item.
 */
export function ClockPane() {
  const { t } = useTranslation();
  const meeting = meetingOf();
  const clock = useLoad(
    (signal) => (meeting ? callApi<ClockState>("GET", `/api/meetings/${meeting}/clock`, undefined, { signal }).then((r) => r.data) : Promise.resolve(null)),
    [meeting],
  );
  const [tick, setTick] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [moved, setMoved] = useState(false);
  useEffect(() => {
    const second = setInterval(() => setTick((n) => n + 1), 1000);
    const refresh = setInterval(() => clock.reload(), 15_000); // another timekeeper may have moved it
    return () => (clearInterval(second), clearInterval(refresh));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => setTick(0), [clock.data]);

  if (!meeting) return <Notice intent="info">{t("clockNoMeeting")}</Notice>;
  if (clock.error) return <ProblemBar error={clock.error} onRetry={clock.reload} />;
  if (!clock.data) return <Spinner size="small" label={t("loading")} />;
  const c = clock.data;
  const running = c.position !== null;
  const left = c.itemRemainingSeconds - (running ? tick : 0);
  const meetingLeft = c.meetingRemainingSeconds - tick;
  const current = running ? c.items[c.position!] : null;

  const move = async (to: "next" | "stop") => {
    setBusy(true);
    setError(undefined);
    setMoved(false);
    try {
      clock.set((await callApi<ClockState>("POST", `/api/meetings/${meeting}/clock/${to}`, { from: c.position })).data);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.problem.current) {
        clock.set(e.problem.current as ClockState); // someone else moved it: show where it is
        setMoved(true);
      } else setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <section className="card stack clock" aria-label={t("clockNow")}>
        {current ? (
          <>
            <span className="muted">{t("clockNow")}</span>
            <h2>
              {current.number}. {current.topic}
            </h2>
            <span className="muted">{current.owner}</span>
            <div className={`clock-time${left < 0 ? " over" : ""}`} role="timer" aria-live="off">
              {clockText(left)}
            </div>
            <ProgressBar
              value={Math.min(1, (c.itemElapsedSeconds + tick) / Math.max(1, current.plannedMinutes * 60))}
              color={left < 0 ? "error" : left < 120 ? "warning" : "brand"}
              thickness="large"
              aria-label={t("clockElapsed")}
            />
            {left < 0 ? <Notice intent="warning">{t("clockItemOver", { time: clockText(-left) })}</Notice> : null}
          </>
        ) : (
          <h2>{c.finished ? t("clockFinished") : c.startedAt ? t("clockStopped") : t("clockNotStarted")}</h2>
        )}
        <div className="muted">
          {meetingLeft >= 0 ? t("clockMeetingLeft", { time: clockText(meetingLeft) }) : t("clockMeetingOver", { time: clockText(-meetingLeft) })}
        </div>
        {c.projectedOverrunMinutes > 0 ? <Notice intent="warning">{t("clockProjected", { count: c.projectedOverrunMinutes })}</Notice> : null}
        {c.canRun ? (
          <div className="actions">
            {running ? (
              <>
                <Button appearance="primary" icon={busy ? <Spinner size="tiny" /> : <NextRegular />} disabled={busy} onClick={() => void move("next")}>
                  {c.position === c.items.length - 1 ? t("clockEnd") : t("clockNext")}
                </Button>
                <Button icon={<StopRegular />} disabled={busy} onClick={() => void move("stop")}>
                  {t("clockStop")}
                </Button>
              </>
            ) : !c.finished ? (
              <Button appearance="primary" icon={busy ? <Spinner size="tiny" /> : <PlayRegular />} disabled={busy} onClick={() => void move("next")}>
                {c.startedAt ? t("clockResume") : t("clockStart")}
              </Button>
            ) : null}
          </div>
        ) : null}
        {moved ? <Notice intent="info">{t("clockMoved")}</Notice> : null}
        {error ? <ProblemBar error={error} /> : null}
      </section>
      {c.canCapture ? <CaptureForm meetingId={meeting} agendaItemId={current?.id ?? null} /> : null}
      <section className="stack" aria-label={t("agenda")}>
        <h3>{t("agenda")}</h3>
        <ol className="plain">
          {c.items.map((i) => (
            <li key={i.id} className={`card clock-item ${i.state}`}>
              <span className="grow">
                {i.number}. {i.topic}
              </span>
              <span className="muted">
                {i.actualSeconds !== null
                  ? t("clockPlannedActual", { planned: String(i.plannedMinutes), actual: String(Math.round(i.actualSeconds / 60)) })
                  : t("minutesShort", { count: i.plannedMinutes })}
              </span>
              {i.state === "current" ? (
                <Badge size="small" color="brand">
                  {t("clockCurrent")}
                </Badge>
              ) : null}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
