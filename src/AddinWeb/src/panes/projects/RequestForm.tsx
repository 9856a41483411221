import { Button, Checkbox, Field, Input, Select, Spinner, Text, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { isoDay } from "../../app/format";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { etagOf, type DepartmentRef, type Project } from "./model";
import { useAction } from "./useAction";

/**
 * The request form (《部门协作需求申请表》): saved as a draft as often as wanted; the project page says what a submission
 * still lacks. Editing a draft or a returned request sends If-Match.
 */
export function RequestForm({ project, onDone }: { project?: Project; onDone: (id?: string) => void }) {
  const { t } = useTranslation();
  const departments = useLoad((signal) => callApi<DepartmentRef[]>("GET", "/api/projects/departments", undefined, { signal }).then((r) => r.data), []);
  const in90 = new Date();
  in90.setDate(in90.getDate() + 90);
  const [form, setForm] = useState({
    title: project?.title ?? "",
    initiatingDepartmentId: project?.initiatingDepartment.id ?? "",
    background: project?.background ?? "",
    goal: project?.goal ?? "",
    scope: project?.scope ?? "",
    exclusions: project?.exclusions ?? "",
    expectedResults: project?.expectedResults ?? "",
    kpi: project?.kpis[0] ?? { name: "", target: "", unit: "" },
    startDate: project?.startDate ?? isoDay(new Date()),
    endDate: project?.endDate ?? isoDay(in90),
    departments: project?.departments.map((d) => d.id) ?? [],
    executiveEmail: project?.executive?.email ?? "",
  });
  const save = useAction();
  const set = (change: Partial<typeof form>) => setForm({ ...form, ...change });
  const submit = () =>
    save.run(
      () => {
        const body = {
          ...form,
          initiatingDepartmentId: form.initiatingDepartmentId || null,
          kpis: form.kpi.name || form.kpi.target ? [form.kpi] : [],
          timeZone: project?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
        };
        return project
          ? callApi<Project>("PUT", `/api/projects/${project.id}`, body, { ifMatch: etagOf(project.version) })
          : callApi<Project>("POST", "/api/projects", body);
      },
      (r) => onDone(r.data.id),
    );
  const text = (key: "background" | "goal" | "scope" | "exclusions" | "expectedResults", hint?: string) => (
    <Field label={t(`request.${key}`)} hint={hint}>
      <Textarea value={form[key]} onChange={(_, d) => set({ [key]: d.value })} resize="vertical" rows={2} />
    </Field>
  );
  return (
    <form
      className="stack"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Text as="h2" weight="semibold" size={400}>
        {project ? t("editRequest") : t("newRequest")}
      </Text>
      <Field label={t("request.title")} required>
        <Input value={form.title} onChange={(_, d) => set({ title: d.value })} />
      </Field>
      <Field label={t("request.initiatingDepartment")} required>
        <Select value={form.initiatingDepartmentId} onChange={(_, d) => set({ initiatingDepartmentId: d.value })}>
          <option value="">{t("request.pickDepartment")}</option>
          {departments.data?.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name}
            </option>
          ))}
        </Select>
      </Field>
      {text("background")}
      {text("goal", t("request.goalHint"))}
      {text("scope")}
      {text("exclusions", t("request.exclusionsHint"))}
      {text("expectedResults")}
      <fieldset className="stack plain-fieldset">
        <legend>{t("request.kpi")}</legend>
        <div className="row">
          <Input
            aria-label={t("request.kpiName")}
            placeholder={t("request.kpiName")}
            value={form.kpi.name}
            onChange={(_, d) => set({ kpi: { ...form.kpi, name: d.value } })}
          />
          <Input
            aria-label={t("request.kpiTarget")}
            placeholder={t("request.kpiTarget")}
            value={form.kpi.target}
            onChange={(_, d) => set({ kpi: { ...form.kpi, target: d.value } })}
            style={{ width: 80 }}
          />
          <Input
            aria-label={t("request.kpiUnit")}
            placeholder={t("request.kpiUnit")}
            value={form.kpi.unit ?? ""}
            onChange={(_, d) => set({ kpi: { ...form.kpi, unit: d.value } })}
            style={{ width: 64 }}
          />
        </div>
      </fieldset>
      <div className="row">
        <Field label={t("request.startDate")}>
          <Input type="date" value={form.startDate} onChange={(_, d) => set({ startDate: d.value })} />
        </Field>
        <Field label={t("request.endDate")}>
          <Input type="date" value={form.endDate} onChange={(_, d) => set({ endDate: d.value })} />
        </Field>
      </div>
      <fieldset className="stack plain-fieldset">
        <legend>{t("request.departments")}</legend>
        {departments.data
          ?.filter((d) => d.id !== form.initiatingDepartmentId)
          .map((d) => (
            <Checkbox
              key={d.id}
              label={d.name}
              checked={form.departments.includes(d.id)}
              onChange={(_, c) => set({ departments: c.checked ? [...form.departments, d.id] : form.departments.filter((x) => x !== d.id) })}
            />
          ))}
      </fieldset>
      <Field label={t("request.executive")} hint={t("request.executiveHint")}>
        <Input type="email" value={form.executiveEmail} onChange={(_, d) => set({ executiveEmail: d.value })} />
      </Field>
      {save.error ? <ProblemBar error={save.error} /> : null}
      {departments.error ? <ProblemBar error={departments.error} onRetry={departments.reload} /> : null}
      <div className="row">
        <Button type="submit" appearance="primary" disabled={save.busy} icon={save.busy ? <Spinner size="tiny" /> : undefined}>
          {t("saveDraft")}
        </Button>
        <Button onClick={() => onDone(project?.id)}>{t("cancel")}</Button>
      </div>
    </form>
  );
}
