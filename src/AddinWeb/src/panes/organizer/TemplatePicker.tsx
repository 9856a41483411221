import { Button, Field, Input, Select } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { isTenantAdmin } from "../../auth";
import { Notice, ProblemBar } from "../../app/Problem";
import { usePane } from "../../app/Shell";
import { language } from "../../i18n";
import { useLoad } from "../../app/useLoad";
import { newRowKey, type Plan } from "./plan";

export interface Template {
  id: string;
  builtIn: boolean;
  name: string;
  goal: string;
  minutes: number;
  agenda: Array<{ topic: string; discussion: string; plannedMinutes: number; expectedOutput: string }>;
  roles: string | null;
  version: number | null;
}

/** The plan started from a template: its goal pattern, length and agenda (each item owned by the organizer until changed). */
export function fromTemplate(plan: Plan, template: Template, me: string): Plan {
  return {
    ...plan,
    goal: template.goal,
    minutes: template.minutes,
    agenda: template.agenda.map((a) => ({
      key: newRowKey(),
      topic: a.topic,
      discussion: a.discussion,
      owner: me.toLowerCase(),
      plannedMinutes: a.plannedMinutes,
      expectedOutput: a.expectedOutput,
    })),
  };
}

/**
 * "Start from a template" above a new plan: the guides' meeting types and the tenant's own. Picking one fills the goal
 * (with [placeholders] to replace), the length and the agenda, and says which roles the meeting needs.
 */
export function TemplatePicker({ onPick, me, plan }: { onPick: (change: (p: Plan) => Plan) => void; me: string; plan: Plan }) {
  const { t } = useTranslation();
  const { session } = usePane();
  const templates = useLoad((signal) => callApi<Template[]>("GET", "/api/templates", undefined, { signal }).then((r) => r.data), []);
  const [picked, setPicked] = useState<Template | null>(null);
  if (templates.error || templates.data?.length === 0) return null; // planning without a template still works
  // Drawn at once (disabled while the list loads): the form below must not jump when it arrives.
  return (
    <div className="stack" style={{ gap: 4 }}>
      <Field label={t("startFromTemplate")}>
        <Select
          disabled={!templates.data}
          value={picked?.id ?? ""}
          onChange={(_, d) => {
            const template = templates.data?.find((x) => x.id === d.value) ?? null;
            setPicked(template);
            if (template) onPick((p) => fromTemplate(p, template, me));
          }}
        >
          <option value="">{t("noTemplate")}</option>
          {(templates.data ?? []).map((x) => (
            <option key={x.id} value={x.id}>
              {x.builtIn ? x.name : `${x.name} (${t("ownTemplate")})`}
            </option>
          ))}
        </Select>
      </Field>
      {picked ? (
        <Notice intent="info">
          {t("templateApplied")}
          {picked.roles ? ` ${picked.roles}` : ""}
        </Notice>
      ) : null}
      {isTenantAdmin(session) ? (
        <OwnTemplates
          plan={plan}
          picked={picked && !picked.builtIn ? picked : null}
          onChanged={() => {
            setPicked(null);
            templates.reload();
          }}
        />
      ) : null}
    </div>
  );
}

/**
 * Tenant admins keep the tenant's own templates from the planner: the plan as it stands (goal pattern, length, agenda)
 * saved under a name — over the picked own template when the name is kept — or the picked own template removed.
 */
function OwnTemplates({ plan, picked, onChanged }: { plan: Plan; picked: Template | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>();
  const act = async (work: () => Promise<unknown>, message: string) => {
    setBusy(true);
    setFailure(undefined);
    try {
      await work();
      setDone(message);
      setNaming(false);
      onChanged();
    } catch (e) {
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    const body = {
      name: name.trim(),
      language: language(),
      goal: plan.goal,
      minutes: plan.minutes,
      agenda: plan.agenda.map((a) => ({ topic: a.topic, discussion: a.discussion, plannedMinutes: a.plannedMinutes ?? 0, expectedOutput: a.expectedOutput })),
    };
    const over = picked && picked.name === body.name;
    return act(
      () => (over ? callApi("PUT", `/api/templates/${picked.id}`, body, { ifMatch: `"${picked.version}"` }) : callApi("POST", "/api/templates", body)),
      t("templateSaved", { name: body.name }),
    );
  };
  return (
    <div className="stack" style={{ gap: 4 }} role="group" aria-label={t("ownTemplates")}>
      {done ? <Notice intent="success">{done}</Notice> : null}
      {failure ? <ProblemBar error={failure} /> : null}
      {naming ? (
        <>
          <Field label={t("templateName")}>
            <Input value={name} onChange={(_, d) => setName(d.value)} />
          </Field>
          <div className="actions">
            <Button size="small" appearance="primary" disabled={busy || !name.trim()} onClick={() => void save()}>
              {t("saveTemplate")}
            </Button>
            <Button size="small" onClick={() => setNaming(false)}>
              {t("cancel")}
            </Button>
          </div>
        </>
      ) : (
        <div className="actions">
          <Button
            size="small"
            onClick={() => {
              setName(picked?.name ?? plan.subject);
              setDone(null);
              setNaming(true);
            }}
          >
            {t("saveAsTemplate")}
          </Button>
          {picked ? (
            <Button
              size="small"
              disabled={busy}
              onClick={() =>
                void act(
                  () => callApi("DELETE", `/api/templates/${picked.id}`, undefined, { ifMatch: `"${picked.version}"` }),
                  t("templateDeleted", { name: picked.name }),
                )
              }
            >
              {t("deleteTemplate")}
            </Button>
          ) : null}
        </div>
      )}
    </div>
  );
}
