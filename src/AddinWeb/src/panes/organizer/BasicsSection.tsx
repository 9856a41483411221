import { Button, Field, Input, Select, Switch, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatDay, formatInstant, isoDay } from "../../app/format";
import { ProblemBar } from "../../app/Problem";
import { usePane } from "../../app/Shell";
import { language } from "../../i18n";
import { DURATIONS, meetingDays, REPEATS, startTimes, type Plan, type Repeat } from "./plan";
import type { PlanForm } from "./usePlanForm";

interface Suggestion {
  start: string;
  end: string;
  startUtc: string;
  confidence: number;
}

/** Goal and time: subject, goal, date, start, length, place, Teams; "suggest times" asks the attendees' calendars. */
export function BasicsSection({ form }: { form: PlanForm }) {
  const { t } = useTranslation();
  const { session } = usePane();
  const { plan, update, touch, error } = form;
  const set = <K extends keyof Plan>(key: K, value: Plan[K]) => update((p) => ({ ...p, [key]: value }));
  const [suggestions, setSuggestions] = useState<Suggestion[] | null>(null);
  const [finding, setFinding] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const timeLabel = (time: string) =>
    new Intl.DateTimeFormat(language(), { hour: "2-digit", minute: "2-digit", timeZone: "UTC" }).format(new Date(`1970-01-01T${time}:00Z`));

  const suggest = async () => {
    setFinding(true);
    setFailure(undefined);
    try {
      const from = plan.day < isoDay(new Date()) ? isoDay(new Date()) : plan.day;
      const to = new Date(`${from}T12:00:00`);
      to.setDate(to.getDate() + 5);
      const { data } = await callApi<{ suggestions: Suggestion[] }>("POST", "/api/meetings/find-times", {
        attendees: plan.attendees
          .filter((a) => a.email && a.email !== session.email.toLowerCase())
          .map((a) => ({ email: a.email, displayName: a.displayName, required: a.kind === "core" })),
        durationMinutes: plan.minutes,
        from: `${from}T00:00`,
        to: `${isoDay(to)}T23:59`,
        timeZone: plan.timeZone,
        maxSuggestions: 4,
      });
      setSuggestions(data.suggestions);
    } catch (e) {
      setFailure(e);
    } finally {
      setFinding(false);
    }
  };

  return (
    <div className="stack">
      <Field label={t("subject")} required validationMessage={error("subject")} onBlur={() => touch("subject")}>
        <Input value={plan.subject} onChange={(_, d) => set("subject", d.value)} />
      </Field>
      <Field label={t("goal")} required hint={t("goalHint")} validationMessage={error("goal")} onBlur={() => touch("goal")}>
        <Textarea value={plan.goal} rows={2} resize="vertical" onChange={(_, d) => set("goal", d.value)} />
      </Field>
      {plan.wholeSeries ? null : (
        <Field label={t("date")} validationMessage={error("when")} onBlur={() => touch("when")}>
          <Select value={plan.day} onChange={(_, d) => set("day", d.value)}>
            {meetingDays(plan.day).map((day) => (
              <option key={day} value={day}>
                {formatDay(day, true)}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className="row">
        <Field label={t("startTime")} onBlur={() => touch("when")}>
          <Select value={plan.time} onChange={(_, d) => set("time", d.value)}>
            {startTimes(plan.time).map((time) => (
              <option key={time} value={time}>
                {timeLabel(time)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t("duration")} onBlur={() => touch("when")}>
          <Select value={String(plan.minutes)} onChange={(_, d) => set("minutes", Number(d.value))}>
            {[...new Set([...DURATIONS, plan.minutes])]
              .sort((a, b) => a - b)
              .map((m) => (
                <option key={m} value={m}>
                  {t("durationMinutes", { count: m })}
                </option>
              ))}
          </Select>
        </Field>
      </div>
      {plan.repeat !== undefined ? (
        <div className="stack">
          <Field label={t("repeat")} validationMessage={error("recurrence")} onBlur={() => touch("recurrence")}>
            <Select value={plan.repeat} onChange={(_, d) => set("repeat", d.value as Repeat)}>
              {REPEATS.map((r) => (
                <option key={r} value={r}>
                  {t(`repeat.${r}`, { day: formatDay(plan.day, false) })}
                </option>
              ))}
            </Select>
          </Field>
          {plan.repeat !== "none" ? (
            <Field label={t("repeatCount")}>
              <Select value={String(plan.repeatCount ?? 8)} onChange={(_, d) => set("repeatCount", Number(d.value))}>
                {[...new Set([2, 3, 4, 6, 8, 10, 12, 16, 20, 26, 52, plan.repeatCount ?? 8])]
                  .sort((a, b) => a - b)
                  .map((n) => (
                    <option key={n} value={n}>
                      {t("meetingsCount", { count: n })}
                    </option>
                  ))}
              </Select>
            </Field>
          ) : null}
        </div>
      ) : null}
      <div className="muted">
        {t("timeZone")}: {plan.timeZone}
      </div>
      <div className="actions">
        <Button size="small" onClick={() => void suggest()} disabled={finding}>
          {finding ? t("loading") : t("suggestTimes")}
        </Button>
      </div>
      {failure ? <ProblemBar error={failure} onRetry={() => void suggest()} /> : null}
      {suggestions ? (
        <div className="stack" aria-live="polite" style={{ gap: 4 }}>
          <h3>{t("suggestions")}</h3>
          {suggestions.length === 0 ? (
            <p className="empty">{t("noSuggestions")}</p>
          ) : (
            <div className="actions">
              {suggestions.map((s) => {
                const label = formatInstant(s.startUtc, { weekday: "short", month: "short", day: "numeric", hour: "2-digit", minute: "2-digit" });
                return (
                  <Button
                    key={s.start}
                    size="small"
                    appearance="outline"
                    aria-label={t("useTime", { time: label })}
                    onClick={() => {
                      update((p) => ({ ...p, day: s.start.slice(0, 10), time: s.start.slice(11, 16) }));
                      setSuggestions(null);
                    }}
                  >
                    {label}
                  </Button>
                );
              })}
            </div>
          )}
        </div>
      ) : null}
      <Field label={t("location")}>
        <Input value={plan.location} onChange={(_, d) => set("location", d.value)} />
      </Field>
      <Switch checked={plan.isOnlineMeeting} label={t("teams")} onChange={(_, d) => set("isOnlineMeeting", d.checked)} />
    </div>
  );
}
