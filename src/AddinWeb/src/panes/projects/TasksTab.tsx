import { Badge, Button, Checkbox, Field, Input, Select, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatDay } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import { usePane } from "../../app/Shell";
import { useLoad } from "../../app/useLoad";
import { base, plansFor, type Milestone, type Project, type Task } from "./model";
import { useAction } from "./useAction";

/** The responsibilities table: who leads, who cooperates, the deliverable and how it is accepted; submit for acceptance. */
export function TasksTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const tasks = useLoad((signal) => callApi<Task[]>("GET", `${base(project.id)}/tasks`, undefined, { signal }).then((r) => r.data), []);
  const [adding, setAdding] = useState(false);
  const canPlan = project.state === "active" && (project.you.runs || project.you.headOf.length > 0 || project.you.contactOf.length > 0);
  return (
    <div className="stack">
      {tasks.error ? <ProblemBar error={tasks.error} onRetry={tasks.reload} /> : null}
      {!tasks.data && !tasks.error ? <Spinner size="small" /> : null}
      {tasks.data?.length === 0 ? <p className="empty">{t("noTasks")}</p> : null}
      <ul className="plain" aria-label={t("projectTab.tasks")}>
        {tasks.data?.map((task) => (
          <li key={task.id}>
            <TaskCard project={project} task={task} />
          </li>
        ))}
      </ul>
      {canPlan && !adding ? (
        <div>
          <Button size="small" onClick={() => setAdding(true)}>
            {t("addTask")}
          </Button>
        </div>
      ) : null}
      {adding ? (
        <AddTask
          project={project}
          onDone={(added) => {
            setAdding(false);
            if (added) tasks.reload();
          }}
        />
      ) : null}
    </div>
  );
}

function TaskCard({ project, task }: { project: Project; task: Task }) {
  const { t } = useTranslation();
  const [checking, setChecking] = useState(false);
  const [met, setMet] = useState(true);
  const [evidence, setEvidence] = useState("");
  const [sent, setSent] = useState(false);
  const act = useAction();
  const { session } = usePane();
  // Who answers for the deliverable: its owner, or its lead department's head or contact (as the API decides).
  const lead = task.leadDepartment?.id ?? "";
  const mine = task.owner.email.toLowerCase() === session.email.toLowerCase() || project.you.headOf.includes(lead) || project.you.contactOf.includes(lead);
  return (
    <div className="card stack" style={{ gap: 4 }}>
      <span className="row" style={{ justifyContent: "space-between" }}>
        <Text weight="semibold">{task.title}</Text>
        <Badge appearance="tint" color={task.status === "done" ? "success" : task.status === "blocked" || task.isOverdue ? "danger" : "informative"}>
          {task.isOverdue && task.status !== "done" ? t("filter.overdue") : t(`status.${task.status}`)}
        </Badge>
      </span>
      <span className="muted">
        {task.leadDepartment?.name ?? "—"}
        {task.cooperatingDepartments.length > 0 ? ` + ${task.cooperatingDepartments.map((d) => d.name).join(t("listSeparator"))}` : ""} ·{" "}
        {task.owner.displayName}
        {task.dueDate ? ` · ${formatDay(task.dueDate)}` : ""}
      </span>
      {task.deliverable ? (
        <span>
          {t("deliverable")}: {task.deliverable}
        </span>
      ) : null}
      {task.acceptanceStandard ? (
        <span className="muted">
          {t("acceptanceStandard")}: {task.acceptanceStandard}
        </span>
      ) : null}
      {task.progressNote && task.status !== "done" ? <span className={task.status === "blocked" ? "late" : "muted"}>{task.progressNote}</span> : null}
      {sent ? <Notice intent="success">{t("submittedForAcceptance")}</Notice> : null}
      {act.error ? <ProblemBar error={act.error} /> : null}
      {project.state === "active" && mine && task.status !== "done" && !sent ? (
        checking ? (
          <div className="stack" style={{ gap: 4 }}>
            <Select aria-label={t("selfCheck")} size="small" value={met ? "met" : "notMet"} onChange={(_, d) => setMet(d.value === "met")}>
              <option value="met">{t("standardMet")}</option>
              <option value="notMet">{t("standardNotMet")}</option>
            </Select>
            <Input size="small" type="url" aria-label={t("evidence")} placeholder={t("evidence")} value={evidence} onChange={(_, d) => setEvidence(d.value)} />
            <div className="row">
              <Button
                size="small"
                appearance="primary"
                disabled={act.busy}
                onClick={() =>
                  void act.run(
                    () =>
                      callApi("POST", `${base(project.id)}/tasks/${task.id}/acceptance`, {
                        selfChecks: [{ standard: task.acceptanceStandard ?? task.deliverable ?? task.title, met, evidence }],
                      }),
                    () => setSent(true),
                  )
                }
              >
                {t("submitForAcceptance")}
              </Button>
              <Button size="small" onClick={() => setChecking(false)}>
                {t("cancel")}
              </Button>
            </div>
          </div>
        ) : (
          <div>
            <Button size="small" onClick={() => setChecking(true)}>
              {t("submitForAcceptance")}
            </Button>
          </div>
        )
      ) : null}
    </div>
  );
}

function AddTask({ project, onDone }: { project: Project; onDone: (added: boolean) => void }) {
  const { t } = useTranslation();
  const milestones = useLoad((signal) => callApi<Milestone[]>("GET", `${base(project.id)}/milestones`, undefined, { signal }).then((r) => r.data), []);
  const everyDepartment = [{ id: project.initiatingDepartment.id, name: project.initiatingDepartment.name }, ...project.departments];
  const departments = everyDepartment.filter((d) => plansFor(project, d.id));
  const [form, setForm] = useState({
    title: "",
    leadDepartmentId: departments[0]?.id ?? "",
    deliverable: "",
    acceptanceStandard: "",
    dueDate: "",
    ownerEmail: "",
    milestoneId: "",
    cooperatingDepartmentIds: [] as string[],
  });
  const act = useAction();
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  return (
    <div className="card stack">
      <Field label={t("taskTitle")} required>
        <Input value={form.title} onChange={(_, d) => set({ title: d.value })} />
      </Field>
      <Field label={t("leadDepartment")}>
        <Select value={form.leadDepartmentId} onChange={(_, d) => set({ leadDepartmentId: d.value })}>
          {departments.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="stack plain-fieldset">
        <legend>{t("cooperatingDepartments")}</legend>
        {everyDepartment
          .filter((d) => d.id !== form.leadDepartmentId)
          .map((d) => (
            <Checkbox
              key={d.id}
              label={d.name}
              checked={form.cooperatingDepartmentIds.includes(d.id)}
              onChange={(_, c) =>
                set({
                  cooperatingDepartmentIds: c.checked ? [...form.cooperatingDepartmentIds, d.id] : form.cooperatingDepartmentIds.filter((x) => x !== d.id),
                })
              }
            />
          ))}
      </fieldset>
      <Field label={t("deliverable")} required>
        <Input value={form.deliverable} onChange={(_, d) => set({ deliverable: d.value })} />
      </Field>
      <Field label={t("acceptanceStandard")} required>
        <Input value={form.acceptanceStandard} onChange={(_, d) => set({ acceptanceStandard: d.value })} />
      </Field>
      <div className="row">
        <Field label={t("deadline")} required>
          <Input type="date" value={form.dueDate} onChange={(_, d) => set({ dueDate: d.value })} />
        </Field>
        <Field label={t("milestone")}>
          <Select value={form.milestoneId} onChange={(_, d) => set({ milestoneId: d.value })}>
            <option value="">—</option>
            {milestones.data?.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Field label={t("ownerEmail")} required>
        <Input type="email" value={form.ownerEmail} onChange={(_, d) => set({ ownerEmail: d.value })} />
      </Field>
      {act.error ? <ProblemBar error={act.error} /> : null}
      <div className="row">
        <Button
          size="small"
          appearance="primary"
          disabled={act.busy}
          onClick={() =>
            void act.run(
              () =>
                callApi("POST", `${base(project.id)}/tasks`, {
                  ...form,
                  cooperatingDepartmentIds: form.cooperatingDepartmentIds.filter((d) => d !== form.leadDepartmentId),
                  dueDate: form.dueDate || null,
                  milestoneId: form.milestoneId || null,
                }),
              () => onDone(true),
            )
          }
        >
          {t("addTask")}
        </Button>
        <Button size="small" onClick={() => onDone(false)}>
          {t("cancel")}
        </Button>
      </div>
    </div>
  );
}
