import { Badge, Button, Field, Input, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatDay } from "../../app/format";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { base, etagOf, type Acceptance, type Project } from "./model";
import { useAction } from "./useAction";

const OUTCOME_COLORS = { pending: "warning", pass: "success", fail: "danger", rework: "danger" } as const;

/** Every submission for acceptance with its self-check; the initiating head decides, the other heads accept jointly. */
export function AcceptanceTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const list = useLoad((signal) => callApi<Acceptance[]>("GET", `${base(project.id)}/acceptances`, undefined, { signal }).then((r) => r.data), []);
  return (
    <div className="stack">
      {list.error ? <ProblemBar error={list.error} onRetry={list.reload} /> : null}
      {!list.data && !list.error ? <Spinner size="small" /> : null}
      {list.data?.length === 0 ? <p className="empty">{t("noAcceptances")}</p> : null}
      <ul className="plain" aria-label={t("projectTab.acceptance")}>
        {list.data?.map((a) => (
          <li key={a.id}>
            <AcceptanceCard project={project} acceptance={a} onChange={(next) => list.set((list.data ?? []).map((x) => (x.id === next.id ? next : x)))} />
          </li>
        ))}
      </ul>
    </div>
  );
}

function AcceptanceCard({ project, acceptance: a, onChange }: { project: Project; acceptance: Acceptance; onChange: (a: Acceptance) => void }) {
  const { t } = useTranslation();
  const act = useAction();
  const [comment, setComment] = useState("");
  const [due, setDue] = useState("");
  const send = (path: string, body?: unknown) =>
    void act.run(
      () => callApi<Acceptance>("POST", `${base(project.id)}/acceptances/${a.id}/${path}`, body, { ifMatch: etagOf(a.version) }),
      (r) => onChange(r.data),
    );
  return (
    <div className="card stack" style={{ gap: 4 }}>
      <span className="row" style={{ justifyContent: "space-between" }}>
        <Text weight="semibold">{a.taskTitle}</Text>
        <Badge appearance="tint" color={OUTCOME_COLORS[a.outcome]}>
          {t(`outcome.${a.outcome}`)}
        </Badge>
      </span>
      <span className="muted">
        {t("round", { n: String(a.round) })} · {a.submittedBy.displayName}
      </span>
      {a.selfChecks.map((c, i) => (
        <span key={i}>
          {c.met ? "✓" : "✗"} {c.standard}
          {c.evidence ? (
            <>
              {" "}
              <a href={c.evidence} target="_blank" rel="noreferrer">
                {t("evidenceLink")}
              </a>
            </>
          ) : null}
        </span>
      ))}
      {a.comment ? <span className="muted">{a.comment}</span> : null}
      {a.reworkWhat ? <span className="muted">{t("reworkBy", { what: a.reworkWhat, date: a.reworkDue ? formatDay(a.reworkDue) : "—" })}</span> : null}
      {a.jointlyWith.length > 0 ? <span className="muted">{t("jointlyWith", { people: a.jointlyWith.join(t("listSeparator")) })}</span> : null}
      {act.error ? <ProblemBar error={act.error} /> : null}
      {project.state === "active" && a.canConcur ? (
        <div>
          <Button size="small" disabled={act.busy} onClick={() => send("concur")}>
            {t("concur")}
          </Button>
        </div>
      ) : null}
      {project.state === "active" && a.canDecide ? (
        <div className="stack" style={{ gap: 4 }}>
          <Field size="small" label={t("acceptanceComment")} hint={t("acceptanceCommentHint")}>
            <Input size="small" value={comment} onChange={(_, d) => setComment(d.value)} />
          </Field>
          <Field size="small" label={t("reworkDue")} hint={t("reworkDueHint")}>
            <Input size="small" type="date" value={due} onChange={(_, d) => setDue(d.value)} />
          </Field>
          <div className="row">
            <Button size="small" appearance="primary" disabled={act.busy} onClick={() => send("decide", { outcome: "pass", comment })}>
              {t("pass")}
            </Button>
            <Button size="small" disabled={act.busy} onClick={() => send("decide", { outcome: "rework", reworkWhat: comment, reworkDue: due || null })}>
              {t("rework")}
            </Button>
            <Button size="small" disabled={act.busy} onClick={() => send("decide", { outcome: "fail", comment })}>
              {t("fail")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
