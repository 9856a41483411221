import { Badge, Button, Field, Input, Select, Spinner, Text, Textarea } from "@fluentui/react-components";
import { Fragment, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatDay, formatInstant } from "../../app/format";
import { paneLink } from "../../app/links";
import { Notice, ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { base, etagOf, type Dashboard, type Project, type Satisfaction, type Task } from "./model";
import { useAction } from "./useAction";

type ReturnReason = "goalUnclear" | "resources" | "timing" | "other";

const ANSWER_COLORS = { pending: "informative", agree: "success", needsChanges: "warning", conflict: "danger" } as const;

/** The request, the departments' answers, and what the caller can do now: submit, review, respond, kick off, close, rate. */
export function Overview({ project: p, onChange, onEdit }: { project: Project; onChange: (p: Project) => void; onEdit: () => void }) {
  const { t } = useTranslation();
  const act = useAction();
  const change = (method: string, path: string, body?: unknown) =>
    act.run(
      () => callApi<Project>(method, `${base(p.id)}${path}`, body, { ifMatch: etagOf(p.version) }),
      (r) => onChange(r.data),
    );
  const missing = Object.values(p.missing).flat();
  return (
    <div className="stack">
      {p.state === "returned" && p.returnReason ? (
        <Notice intent="warning">
          {t("returnedBecause", { reason: t(`returnReason.${p.returnReason as ReturnReason}`) })}
          {p.returnComment ? ` ${p.returnComment}` : ""}
        </Notice>
      ) : null}
      {p.state === "submitted" && !p.you.canReview ? (
        <Notice intent="info">{t("waitingForReview", { name: p.initiatingHead?.displayName ?? "—" })}</Notice>
      ) : null}
      {p.you.canEdit && missing.length > 0 ? (
        <Notice intent="info">
          {t("beforeSubmitting")}
          <ul className="problem-lines">
            {missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      {act.error ? <ProblemBar error={act.error} /> : null}
      {p.you.canEdit ? (
        <div className="row">
          <Button size="small" onClick={onEdit}>
            {t("editRequest")}
          </Button>
          <Button size="small" appearance="primary" disabled={act.busy || missing.length > 0} onClick={() => void change("POST", "/submit")}>
            {t("submitForReview")}
          </Button>
        </div>
      ) : null}
      {p.you.canReview ? <Review onDecide={(body) => void change("POST", "/review", body)} busy={act.busy} /> : null}
      <dl className="facts">
        <dt>{t("request.goal")}</dt>
        <dd>{p.goal || "—"}</dd>
        <dt>{t("request.scope")}</dt>
        <dd>{p.scope || "—"}</dd>
        <dt>{t("request.exclusions")}</dt>
        <dd>{p.exclusions || "—"}</dd>
        <dt>{t("request.window")}</dt>
        <dd>
          {formatDay(p.startDate)} – {formatDay(p.endDate)}
        </dd>
        {p.kpis.length > 0 ? (
          <>
            <dt>{t("request.kpi")}</dt>
            <dd>{p.kpis.map((k) => `${k.name}: ${k.target}${k.unit ?? ""}`).join("; ")}</dd>
          </>
        ) : null}
        {p.executive ? (
          <>
            <dt>{t("request.executive")}</dt>
            <dd>{p.executive.displayName}</dd>
          </>
        ) : null}
      </dl>
      <Text weight="semibold">{t("request.departments")}</Text>
      <ul className="plain">
        {p.departments.map((d) => (
          <li key={d.id} className="card stack" style={{ gap: 4 }}>
            <span className="row" style={{ justifyContent: "space-between" }}>
              <span>{d.name}</span>
              <Badge appearance="tint" color={ANSWER_COLORS[d.response]}>
                {t(`answer.${d.response}`)}
              </Badge>
            </span>
            {d.comment ? <span className="muted">{d.comment}</span> : null}
            {p.state === "active" && (p.you.headOf.includes(d.id) || p.you.contactOf.includes(d.id)) ? (
              <Respond busy={act.busy} onAnswer={(body) => void change("POST", `/departments/${d.id}/response`, body)} />
            ) : null}
          </li>
        ))}
      </ul>
      {p.state === "active" || p.state === "closed" ? (
        <Communication project={p} busy={act.busy} onSave={(body) => void change("PUT", "/communication", body)} />
      ) : null}
      {p.state === "active" ? <Progress project={p} /> : null}
      {p.state === "active" && (p.you.runs || p.you.headOf.length > 0 || p.you.contactOf.length > 0) ? (
        <a className="pane-link" href={paneLink("organizer", { project: p.id })}>
          {t("draftKickoff")}
        </a>
      ) : null}
      {p.state === "active" && p.you.runs ? <Close busy={act.busy} onClose={(body) => void change("POST", "/close", body)} /> : null}
      {p.closure ? <Closure project={p} /> : null}
      {p.state === "closed" ? <Rate project={p} /> : null}
    </div>
  );
}

function Review({ onDecide, busy }: { onDecide: (body: unknown) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState("goalUnclear");
  const [comment, setComment] = useState("");
  return (
    <div className="card stack">
      <Text weight="semibold">{t("reviewRequest")}</Text>
      {returning ? (
        <>
          <Field label={t("returnReasonLabel")}>
            <Select value={reason} onChange={(_, d) => setReason(d.value)}>
              {(["goalUnclear", "resources", "timing", "other"] as const).map((r) => (
                <option key={r} value={r}>
                  {t(`returnReason.${r}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t("comment")}>
            <Textarea value={comment} onChange={(_, d) => setComment(d.value)} rows={2} />
          </Field>
          <div className="row">
            <Button size="small" appearance="primary" disabled={busy} onClick={() => onDecide({ outcome: "return", reason, comment })}>
              {t("returnRequest")}
            </Button>
            <Button size="small" onClick={() => setReturning(false)}>
              {t("cancel")}
            </Button>
          </div>
        </>
      ) : (
        <div className="row">
          <Button size="small" appearance="primary" disabled={busy} onClick={() => onDecide({ outcome: "approve" })}>
            {t("approveRequest")}
          </Button>
          <Button size="small" onClick={() => setReturning(true)}>
            {t("returnRequest")}
          </Button>
        </div>
      )}
    </div>
  );
}

function Respond({ onAnswer, busy }: { onAnswer: (body: unknown) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [response, setResponse] = useState("agree");
  const [comment, setComment] = useState("");
  return (
    <div className="stack" style={{ gap: 4 }}>
      <div className="row">
        <Select aria-label={t("yourAnswer")} value={response} onChange={(_, d) => setResponse(d.value)} size="small">
          {(["agree", "needsChanges", "conflict"] as const).map((r) => (
            <option key={r} value={r}>
              {t(`answer.${r}`)}
            </option>
          ))}
        </Select>
        <Button size="small" disabled={busy} onClick={() => onAnswer({ response, comment })}>
          {t("answerRequest")}
        </Button>
      </div>
      {response !== "agree" ? (
        <Input size="small" aria-label={t("comment")} placeholder={t("comment")} value={comment} onChange={(_, d) => setComment(d.value)} />
      ) : null}
    </div>
  );
}

/** The communication mechanism (《沟通机制确认表》): shown to everyone, kept by whoever runs the project. */
function Communication({ project: p, busy, onSave }: { project: Project; busy: boolean; onSave: (body: unknown) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({
    cadence: p.communication.cadence ?? "",
    channels: p.communication.channels ?? "",
    routineContacts: p.communication.routineContacts ?? "",
    majorDecisions: p.communication.majorDecisions ?? "",
  });
  const keys = ["cadence", "channels", "routineContacts", "majorDecisions"] as const;
  if (editing)
    return (
      <div className="card stack">
        <Text weight="semibold">{t("communication")}</Text>
        {keys.map((key) => (
          <Field key={key} label={t(`communication.${key}`)}>
            <Input value={form[key]} onChange={(_, d) => setForm({ ...form, [key]: d.value })} />
          </Field>
        ))}
        <div className="row">
          <Button
            size="small"
            appearance="primary"
            disabled={busy}
            onClick={() => {
              onSave(form);
              setEditing(false);
            }}
          >
            {t("save")}
          </Button>
          <Button size="small" onClick={() => setEditing(false)}>
            {t("cancel")}
          </Button>
        </div>
      </div>
    );
  return (
    <div className="card stack" style={{ gap: 4 }}>
      <span className="row" style={{ justifyContent: "space-between" }}>
        <Text weight="semibold">{t("communication")}</Text>
        {p.you.runs ? (
          <Button size="small" appearance="subtle" onClick={() => setEditing(true)}>
            {t("edit")}
          </Button>
        ) : null}
      </span>
      {keys.some((k) => p.communication[k]) ? (
        <dl className="facts">
          {keys
            .filter((k) => p.communication[k])
            .map((k) => (
              <Fragment key={k}>
                <dt>{t(`communication.${k}`)}</dt>
                <dd>{p.communication[k]}</dd>
              </Fragment>
            ))}
        </dl>
      ) : (
        <span className="muted">{t("communicationEmpty")}</span>
      )}
    </div>
  );
}

function Progress({ project }: { project: Project }) {
  const { t } = useTranslation();
  const dashboard = useLoad(
    (signal) => callApi<Dashboard>("GET", `${base(project.id)}/dashboard`, undefined, { signal }).then((r) => r.data),
    [project.version],
  );
  const d = dashboard.data;
  if (dashboard.error) return <ProblemBar error={dashboard.error} onRetry={dashboard.reload} />;
  if (!d) return <Spinner size="tiny" />;
  const rate = d.figures.onTimeCompletionRate;
  return (
    <div className="card stack" aria-label={t("progress")}>
      <Text weight="semibold">{t("progress")}</Text>
      <div className="counts">
        {(["done", "onTrack", "late", "blocked", "needsHelp"] as const).map((k) => (
          <span key={k} className={`count count-${k}`}>
            <b>{d.overall[k]}</b> {t(`count.${k}`)}
          </span>
        ))}
      </div>
      {d.byDepartment
        .filter((x) => x.counts.total > 0)
        .map((x) => (
          <span key={x.department.id} className="muted">
            {t("departmentProgress", {
              department: x.department.name,
              done: String(x.counts.done),
              total: String(x.counts.total),
              late: String(x.counts.late),
            })}
          </span>
        ))}
      <span className="muted">
        {t("onTimeRate", { rate: rate === null ? "—" : `${Math.round(rate * 100)}%` })} · {t("issuesRaised", { n: String(d.collaboration.issuesRaised) })}
      </span>
      {d.deviations.map((x) => (
        <span key={x.itemId} className="muted">
          ⚠ {x.title}: {x.reason}
        </span>
      ))}
    </div>
  );
}

function Close({ onClose, busy }: { onClose: (body: unknown) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [wentWell, setWentWell] = useState("");
  const [problems, setProblems] = useState("");
  const [improvement, setImprovement] = useState("");
  const [owner, setOwner] = useState("");
  if (!open)
    return (
      <div>
        <Button size="small" onClick={() => setOpen(true)}>
          {t("closeProject")}
        </Button>
      </div>
    );
  return (
    <div className="card stack">
      <Text weight="semibold">{t("retrospective")}</Text>
      <Field label={t("wentWell")}>
        <Textarea value={wentWell} onChange={(_, d) => setWentWell(d.value)} rows={2} />
      </Field>
      <Field label={t("problems")}>
        <Textarea value={problems} onChange={(_, d) => setProblems(d.value)} rows={2} />
      </Field>
      <Field label={t("improvement")} hint={t("improvementHint")}>
        <Input value={improvement} onChange={(_, d) => setImprovement(d.value)} />
      </Field>
      <Field label={t("improvementOwner")}>
        <Input type="email" value={owner} onChange={(_, d) => setOwner(d.value)} />
      </Field>
      <div className="row">
        <Button
          size="small"
          appearance="primary"
          disabled={busy}
          onClick={() => onClose({ wentWell, problems, improvements: improvement ? [{ text: improvement, ownerEmail: owner }] : [] })}
        >
          {t("closeProject")}
        </Button>
        <Button size="small" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}

/** The retrospective (《协作复盘表》) of a closed project, with its improvements (tasks that stay live). */
function Closure({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  const closure = p.closure!;
  const tasks = useLoad((signal) => callApi<Task[]>("GET", `${base(p.id)}/tasks`, undefined, { signal }).then((r) => r.data), [p.id]);
  const improvements = tasks.data?.filter((x) => x.improvement) ?? [];
  return (
    <div className="card stack" style={{ gap: 4 }} aria-label={t("retrospective")}>
      <Text weight="semibold">{t("retrospective")}</Text>
      <span className="muted">{t("closedOn", { time: formatInstant(closure.closedAt) })}</span>
      <dl className="facts">
        <dt>{t("wentWell")}</dt>
        <dd>{closure.wentWell || "—"}</dd>
        <dt>{t("problems")}</dt>
        <dd>{closure.problems || "—"}</dd>
        {improvements.length > 0 ? (
          <>
            <dt>{t("improvement")}</dt>
            <dd>
              {improvements.map((x) => (
                <span key={x.id} className="stack" style={{ gap: 0 }}>
                  {x.title} · {x.owner.displayName} · {t(`status.${x.status}`)}
                </span>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {tasks.error ? <ProblemBar error={tasks.error} onRetry={tasks.reload} /> : null}
    </div>
  );
}

function Rate({ project }: { project: Project }) {
  const { t } = useTranslation();
  const satisfaction = useLoad((signal) => callApi<Satisfaction>("GET", `${base(project.id)}/satisfaction`, undefined, { signal }).then((r) => r.data), []);
  const act = useAction();
  const s = satisfaction.data;
  return (
    <div className="card stack">
      <Text weight="semibold">{t("rateCollaboration")}</Text>
      <div className="rating" role="group" aria-label={t("rateCollaboration")}>
        {[1, 2, 3, 4, 5].map((score) => (
          <Button
            key={score}
            size="small"
            appearance={s?.mine === score ? "primary" : "secondary"}
            aria-pressed={s?.mine === score}
            style={{ minWidth: 0 }} // Fluent's 96 px minimum puts five on two lines at 320 px
            disabled={act.busy}
            onClick={() =>
              void act.run(
                () => callApi<Satisfaction>("PUT", `${base(project.id)}/satisfaction/mine`, { score }),
                (r) => satisfaction.set(r.data),
              )
            }
          >
            {score}
          </Button>
        ))}
      </div>
      {s ? (
        <span className="muted">
          {s.average === null ? t("ratingHidden", { count: s.answers }) : t("ratingAverage", { average: s.average.toFixed(1), count: s.answers })}
        </span>
      ) : null}
      {act.error ? <ProblemBar error={act.error} /> : null}
    </div>
  );
}
