import { Badge, Button, Field, Input, Menu, MenuItemRadio, MenuList, MenuPopover, MenuTrigger, Spinner } from "@fluentui/react-components";
import { ChevronDownRegular } from "@fluentui/react-icons/svg/chevron-down";
import { ChevronUpRegular } from "@fluentui/react-icons/svg/chevron-up";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "../../api";
import { formatDay, formatInstant } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import { PICKABLE, STATUS_COLOR, type Decision, type DecisionStatus } from "./model";

type Outcome = { kind: "saved" } | { kind: "conflict" } | { kind: "error"; error: unknown } | null;

/**
 * One decision: what was decided, in which meeting, who carries it out by when, where it stands, and the action items
 * that carry it out. Those who may change it (its owner, the meeting's organizer and note-taker) change the status in
 * one click and the due date under "Details"; a stale save shows the other person's version, never overwriting it.
 */
export function DecisionCard({ decision, onChange }: { decision: Decision; onChange: (d: Decision) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [due, setDue] = useState(decision.dueDate ?? "");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const detailsId = `decision-${decision.id}`;

  const save = async (change: { status?: DecisionStatus; dueDate?: string }) => {
    setBusy(true);
    try {
      const { data } = await callApi<Decision>("PATCH", `/api/decisions/${decision.id}`, change, { ifMatch: `"${decision.version}"` });
      onChange(data);
      setDue(data.dueDate ?? "");
      setOutcome({ kind: "saved" });
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && error.problem.current) {
        const current = error.problem.current as Decision;
        onChange(current);
        setDue(current.dueDate ?? "");
        setOutcome({ kind: "conflict" });
      } else setOutcome({ kind: "error", error });
    } finally {
      setBusy(false);
    }
  };

  const status = (
    <Badge appearance="tint" color={STATUS_COLOR[decision.status]}>
      {t(`decisionStatus.${decision.status}`)}
    </Badge>
  );
  return (
    <article className="card item" aria-label={decision.text}>
      <h3 className="item-title">{decision.text}</h3>
      <div className="chips">
        {decision.canChange && decision.status !== "superseded" ? (
          <Menu
            checkedValues={{ status: [decision.status] }}
            onCheckedValueChange={(_, d) => {
              const next = d.checkedItems[0] as DecisionStatus;
              if (next !== decision.status) void save({ status: next });
            }}
          >
            <MenuTrigger disableButtonEnhancement>
              <Button
                size="small"
                appearance="subtle"
                shape="circular"
                aria-label={`${t("changeDecisionStatus")}: ${t(`decisionStatus.${decision.status}`)}`}
                icon={busy ? <Spinner size="extra-tiny" /> : <ChevronDownRegular />}
                iconPosition="after"
                disabled={busy}
              >
                {status}
              </Button>
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {PICKABLE.map((s) => (
                  <MenuItemRadio key={s} name="status" value={s}>
                    {t(`decisionStatus.${s}`)}
                  </MenuItemRadio>
                ))}
              </MenuList>
            </MenuPopover>
          </Menu>
        ) : (
          status
        )}
        {decision.dueDate ? (
          <Badge appearance="outline" color="informative">
            {t("dueOn", { date: formatDay(decision.dueDate) })}
          </Badge>
        ) : null}
        {decision.items.length > 0 ? (
          <Badge appearance="outline" color={decision.itemsDone === decision.items.length ? "success" : "informative"}>
            {t("decisionItemsDone", { done: String(decision.itemsDone), count: decision.items.length })}
          </Badge>
        ) : null}
      </div>
      <div className="meeting-name">
        {t("fromMeetingOn", { meeting: decision.meetingSubject, date: formatInstant(decision.meetingStart, { dateStyle: "medium" }) })}
        {decision.owner ? ` · ${t("ownerIs", { name: decision.owner.displayName })}` : ""}
      </div>
      {decision.canChange || decision.items.length > 0 ? (
        <div>
          <Button
            size="small"
            appearance="transparent"
            aria-expanded={open}
            aria-controls={detailsId}
            icon={open ? <ChevronUpRegular /> : <ChevronDownRegular />}
            iconPosition="after"
            onClick={() => setOpen(!open)}
          >
            {t("decisionDetails")}
          </Button>
        </div>
      ) : null}
      {open ? (
        <div id={detailsId} className="stack">
          {decision.items.length > 0 ? (
            <section className="stack" aria-label={t("decisionItems")}>
              <h4 className="sub">{t("decisionItems")}</h4>
              <ul className="plain linked-items">
                {decision.items.map((i) => (
                  <li key={i.id}>
                    <a href={`/items.html${location.search}#item=${i.id}`}>{i.title}</a>
                    <span className="muted">
                      {" "}
                      · {i.owner.displayName} · {t(`status.${i.status}`)}
                      {i.dueDate ? ` · ${formatDay(i.dueDate)}` : ""}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {decision.canChange ? (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                if (due) void save({ dueDate: due });
              }}
            >
              <Field label={t("decisionDue")}>
                <Input type="date" value={due} onChange={(_, d) => setDue(d.value)} />
              </Field>
              <div style={{ flex: "0 0 auto" }}>
                <Button type="submit" size="medium" appearance="primary" disabled={busy || !due || due === decision.dueDate}>
                  {t("save")}
                </Button>
              </div>
            </form>
          ) : null}
        </div>
      ) : null}
      {outcome?.kind === "saved" ? <Notice intent="success">{t("saved")}</Notice> : null}
      {outcome?.kind === "conflict" ? <Notice intent="warning">{t("decisionConflict")}</Notice> : null}
      {outcome?.kind === "error" ? <ProblemBar error={outcome.error} /> : null}
    </article>
  );
}
