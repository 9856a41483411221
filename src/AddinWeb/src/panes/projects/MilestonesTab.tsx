import { Badge, Button, Field, Input, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatDay } from "../../app/format";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { base, etagOf, type Milestone, type Project } from "./model";
import { useAction } from "./useAction";

/** Key dates: who has confirmed each for their department, who has not yet, and which are at risk from their tasks. */
export function MilestonesTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const milestones = useLoad((signal) => callApi<Milestone[]>("GET", `${base(project.id)}/milestones`, undefined, { signal }).then((r) => r.data), []);
  const act = useAction();
  const [name, setName] = useState("");
  const [date, setDate] = useState("");
  const replace = (next: Milestone) => milestones.set((milestones.data ?? []).map((m) => (m.id === next.id ? next : m)));
  return (
    <div className="stack">
      {milestones.error ? <ProblemBar error={milestones.error} onRetry={milestones.reload} /> : null}
      {!milestones.data && !milestones.error ? <Spinner size="small" /> : null}
      {milestones.data?.length === 0 ? <p className="empty">{t("noMilestones")}</p> : null}
      {act.error ? <ProblemBar error={act.error} /> : null}
      <ul className="plain" aria-label={t("projectTab.milestones")}>
        {milestones.data?.map((m) => (
          <li key={m.id} className="card stack" style={{ gap: 4 }}>
            <span className="row" style={{ justifyContent: "space-between" }}>
              <Text weight="semibold">{m.name}</Text>
              <span className="row" style={{ gap: 4 }}>
                {m.atRisk ? (
                  <Badge appearance="tint" color="danger">
                    {t("atRisk")}
                  </Badge>
                ) : null}
                <Badge appearance="tint" color={m.confirmed ? "success" : "warning"}>
                  {m.confirmed ? t("confirmed") : t("awaitingConfirmation")}
                </Badge>
              </span>
            </span>
            <span className="muted">{formatDay(m.date, true)}</span>
            {m.confirmations.map((c) => (
              <span key={c.department.id} className="muted">
                ✓ {c.department.name}: {c.by.displayName}
              </span>
            ))}
            {m.awaiting.length > 0 ? (
              <span className="muted">{t("awaiting", { departments: m.awaiting.map((a) => a.name).join(t("listSeparator")) })}</span>
            ) : null}
            {project.state === "active" && m.awaiting.some((a) => project.you.headOf.includes(a.id)) ? (
              <div>
                <Button
                  size="small"
                  appearance="primary"
                  disabled={act.busy}
                  onClick={() =>
                    void act.run(
                      () => callApi<Milestone>("POST", `${base(project.id)}/milestones/${m.id}/confirm`, undefined, { ifMatch: etagOf(m.version) }),
                      (r) => replace(r.data),
                    )
                  }
                >
                  {t("confirmMilestone")}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {project.state === "active" && project.you.runs ? (
        <div className="card stack">
          <div className="row">
            <Field label={t("milestone")}>
              <Input value={name} onChange={(_, d) => setName(d.value)} />
            </Field>
            <Field label={t("date")}>
              <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
            </Field>
          </div>
          <div>
            <Button
              size="small"
              disabled={act.busy}
              onClick={() =>
                void act.run(
                  () => callApi<Milestone>("POST", `${base(project.id)}/milestones`, { name, date: date || null }),
                  () => {
                    setName("");
                    setDate("");
                    milestones.reload();
                  },
                )
              }
            >
              {t("addMilestone")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
