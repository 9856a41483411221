import { Button, Field, Input, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { Notice, ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { useAction } from "./useAction";
import { BackToProjects } from "./BackToProjects";

interface Department {
  id: string;
  name: string;
  contactEmail: string | null;
  headEmail: string | null;
  headName: string | null;
}
type Form = { name: string; contactEmail: string; headEmail: string; headName: string };
const formOf = (d?: Department): Form => ({
  name: d?.name ?? "",
  contactEmail: d?.contactEmail ?? "",
  headEmail: d?.headEmail ?? "",
  headName: d?.headName ?? "",
});

/**
 * The tenant's departments as a tenant admin keeps them: each one's contact (routine questions, alerts about its work)
 * and head (approves requests, confirms milestones, takes escalations). Only tenant admins see the way here; the API
 * refuses everyone else anyway.
 */
export function DepartmentsAdmin() {
  const { t } = useTranslation();
  const departments = useLoad((signal) => callApi<Department[]>("GET", "/api/departments", undefined, { signal }).then((r) => r.data), []);
  const [adding, setAdding] = useState(false);
  return (
    <>
      <BackToProjects />
      <Text as="h2" weight="semibold" size={400}>
        {t("departmentsTitle")}
      </Text>
      <Text>{t("departmentsIntro")}</Text>
      {departments.error ? <ProblemBar error={departments.error} onRetry={departments.reload} /> : null}
      {!departments.data && !departments.error ? <Spinner size="small" label={t("loading")} /> : null}
      <ul className="plain" aria-label={t("departmentsTitle")}>
        {departments.data?.map((d) => (
          <li key={d.id}>
            <DepartmentCard department={d} onSaved={(next) => departments.set((departments.data ?? []).map((x) => (x.id === next.id ? next : x)))} />
          </li>
        ))}
      </ul>
      {adding ? (
        <DepartmentCard
          onSaved={() => {
            setAdding(false);
            departments.reload();
          }}
          onCancel={() => setAdding(false)}
        />
      ) : (
        <div>
          <Button size="small" onClick={() => setAdding(true)}>
            {t("addDepartment")}
          </Button>
        </div>
      )}
    </>
  );
}

function DepartmentCard({ department, onSaved, onCancel }: { department?: Department; onSaved: (d: Department) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState(formOf(department));
  const [saved, setSaved] = useState(false);
  const act = useAction();
  const changed = JSON.stringify(form) !== JSON.stringify(formOf(department));
  const field = (key: keyof Form, type: "text" | "email" = "text") => (
    <Field label={t(`department.${key}`)} required={key === "name"} size="small">
      <Input
        size="small"
        type={type}
        value={form[key]}
        onChange={(_, d) => {
          setSaved(false);
          setForm({ ...form, [key]: d.value });
        }}
      />
    </Field>
  );
  return (
    <form
      noValidate // the API's answer, in the pane's language, says what is wrong — not the browser's own bubble
      className="card stack"
      aria-label={department?.name ?? t("addDepartment")}
      onSubmit={(e) => {
        e.preventDefault();
        void act.run(
          () => callApi<Department>(department ? "PUT" : "POST", department ? `/api/departments/${department.id}` : "/api/departments", form),
          (r) => {
            setSaved(true);
            onSaved(r.data);
          },
        );
      }}
    >
      {field("name")}
      {field("headName")}
      {field("headEmail", "email")}
      {field("contactEmail", "email")}
      {act.error ? <ProblemBar error={act.error} /> : null}
      {saved && !changed ? <Notice intent="success">{t("saved")}</Notice> : null}
      <div className="row">
        <Button size="small" appearance="primary" type="submit" disabled={act.busy || !changed}>
          {department ? t("save") : t("addDepartment")}
        </Button>
        {onCancel ? (
          <Button size="small" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
