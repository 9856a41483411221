import { Field, Select } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { Notice } from "../../app/Problem";
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
export function TemplatePicker({ onPick, me }: { onPick: (change: (p: Plan) => Plan) => void; me: string }) {
  const { t } = useTranslation();
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
    </div>
  );
}
