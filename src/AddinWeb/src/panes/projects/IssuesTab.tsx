import { Badge, Button, Checkbox, Field, Input, Select, Spinner, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatInstant } from "../../app/format";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { base, etagOf, type Issue, type Project, type Task } from "./model";
import { useAction } from "./useAction";

const KINDS = ["dispute", "resourceConflict", "blockedDependency", "other"] as const;
type IssueKind = (typeof KINDS)[number];
const LEVEL_COLORS = { contacts: "informative", heads: "warning", executive: "danger" } as const;

/** The issue log: raise one between departments; it climbs contacts → heads → executive; each step is shown. */
export function IssuesTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const issues = useLoad((signal) => callApi<Issue[]>("GET", `${base(project.id)}/issues`, undefined, { signal }).then((r) => r.data), []);
  const tasks = useLoad((signal) => callApi<Task[]>("GET", `${base(project.id)}/tasks`, undefined, { signal }).then((r) => r.data), []);
  const [raising, setRaising] = useState(false);
  const replace = (next: Issue) => issues.set((issues.data ?? []).map((i) => (i.id === next.id ? next : i)));
  return (
    <div className="stack">
      {issues.error ? <ProblemBar error={issues.error} onRetry={issues.reload} /> : null}
      {!issues.data && !issues.error ? <Spinner size="small" /> : null}
      {issues.data?.length === 0 ? <p className="empty">{t("noIssues")}</p> : null}
      <ul className="plain" aria-label={t("projectTab.issues")}>
        {issues.data?.map((issue) => (
          <li key={issue.id}>
            <IssueCard project={project} issue={issue} task={tasks.data?.find((x) => x.id === issue.taskId)} onChange={replace} />
          </li>
        ))}
      </ul>
      {project.state === "active" && !raising ? (
        <div>
          <Button size="small" onClick={() => setRaising(true)}>
            {t("raiseIssue")}
          </Button>
        </div>
      ) : null}
      {/* The form preselects a blocked task: it waits for the tasks (or their failure) rather than open without one. */}
      {raising && !tasks.data && !tasks.error ? <Spinner size="small" label={t("loading")} /> : null}
      {raising && tasks.error ? <ProblemBar error={tasks.error} onRetry={tasks.reload} /> : null}
      {raising && (tasks.data || tasks.error) ? (
        <RaiseIssue
          project={project}
          tasks={tasks.data ?? []}
          onDone={(raised) => {
            setRaising(false);
            if (raised) issues.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function IssueCard({ project, issue, task, onChange }: { project: Project; issue: Issue; task: Task | undefined; onChange: (i: Issue) => void }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState("");
  const act = useAction();
  const step = (what: "escalate" | "resolve") =>
    void act.run(
      () => callApi<Issue>("POST", `${base(project.id)}/issues/${issue.id}/${what}`, { comment }, { ifMatch: etagOf(issue.version) }),
      (r) => {
        setComment("");
        onChange(r.data);
      },
    );
  return (
    <div className="card stack" style={{ gap: 4 }}>
      <span className="row" style={{ justifyContent: "space-between" }}>
        <Text weight="semibold">{issue.title}</Text>
        {issue.resolution ? (
          <Badge appearance="tint" color="success">
            {t("resolved")}
          </Badge>
        ) : (
          <Badge appearance="tint" color={LEVEL_COLORS[issue.level]}>
            {t(`issueLevel.${issue.level}`)}
          </Badge>
        )}
      </span>
      <span className="muted">
        {t(`issueKind.${issue.kind as IssueKind}`)} · {issue.departments.map((d) => d.name).join(t("listSeparator"))}
      </span>
      {task ? <span className="muted">{t("issueAboutTask", { task: task.title })}</span> : null}
      {issue.description ? <span>{issue.description}</span> : null}
      {!issue.resolution ? (
        <span className={issue.overdue ? "late" : "muted"}>
          {t("handledBy", { people: issue.handlers.join(t("listSeparator")), time: formatInstant(issue.dueAt) })}
        </span>
      ) : null}
      <ol className="steps">
        {issue.steps.map((s) => (
          <li key={s.number}>
            <span className="muted">{formatInstant(s.at)}</span> {s.by.email === "system" ? t("system") : s.by.displayName}:{" "}
            {t(`issueStep.${s.action as "raised" | "timedOut" | "escalated" | "resolved"}`)}
            {s.outcome ? ` — ${s.outcome}` : ""}
          </li>
        ))}
      </ol>
      {act.error ? <ProblemBar error={act.error} /> : null}
      {project.state === "active" && (issue.canEscalate || issue.canResolve) ? (
        <div className="stack" style={{ gap: 4 }}>
          <Input size="small" aria-label={t("outcome")} placeholder={t("outcome")} value={comment} onChange={(_, d) => setComment(d.value)} />
          <div className="row">
            {issue.canResolve ? (
              <Button size="small" appearance="primary" disabled={act.busy} onClick={() => step("resolve")}>
                {t("resolveIssue")}
              </Button>
            ) : null}
            {issue.canEscalate ? (
              <Button size="small" disabled={act.busy} onClick={() => step("escalate")}>
                {t("escalateIssue")}
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}
    </div>
  );
}

function RaiseIssue({ project, tasks, onDone }: { project: Project; tasks: Task[]; onDone: (raised: boolean) => void }) {
  const { t } = useTranslation();
  const departments = [project.initiatingDepartment, ...project.departments];
  // A blocked task is the usual reason: it comes first, with its lead department already named.
  const blocked = tasks.find((x) => x.status === "blocked");
  const [form, setForm] = useState({
    kind: "blockedDependency",
    title: "",
    description: "",
    taskId: blocked?.id ?? "",
    departmentIds: blocked?.leadDepartment ? [blocked.leadDepartment.id] : ([] as string[]),
  });
  const act = useAction();
  return (
    <div className="card stack">
      <Field label={t("issueTitle")} required>
        <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
      </Field>
      <Field label={t("issueKindLabel")}>
        <Select value={form.kind} onChange={(_, d) => setForm({ ...form, kind: d.value })}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`issueKind.${k}`)}
            </option>
          ))}
        </Select>
      </Field>
      {tasks.length > 0 ? (
        <Field label={t("issueTask")}>
          <Select value={form.taskId} onChange={(_, d) => setForm({ ...form, taskId: d.value })}>
            <option value="">{t("wholeProject")}</option>
            {tasks
              .filter((x) => x.status !== "done" && x.status !== "cancelled")
              .map((x) => (
                <option key={x.id} value={x.id}>
                  {x.status === "blocked" ? `${x.title} (${t("status.blocked")})` : x.title}
                </option>
              ))}
          </Select>
        </Field>
      ) : null}
      <Field label={t("issueDescription")}>
        <Textarea value={form.description} onChange={(_, d) => setForm({ ...form, description: d.value })} rows={2} />
      </Field>
      <fieldset className="stack plain-fieldset">
        <legend>{t("issueDepartments")}</legend>
        {departments.map((d) => (
          <Checkbox
            key={d.id}
            label={d.name}
            checked={form.departmentIds.includes(d.id)}
            onChange={(_, c) => setForm({ ...form, departmentIds: c.checked ? [...form.departmentIds, d.id] : form.departmentIds.filter((x) => x !== d.id) })}
          />
        ))}
      </fieldset>
      {act.error ? <ProblemBar error={act.error} /> : null}
      <div className="row">
        <Button
          size="small"
          appearance="primary"
          disabled={act.busy}
          onClick={() =>
            void act.run(
              () => callApi("POST", `${base(project.id)}/issues`, { ...form, taskId: form.taskId || null }),
              () => onDone(true),
            )
          }
        >
          {t("raiseIssue")}
        </Button>
        <Button size="small" onClick={() => onDone(false)}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
