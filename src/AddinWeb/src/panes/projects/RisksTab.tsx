import { Badge, Button, Field, Input, Select, Spinner, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { base, etagOf, type Project, type Risk } from "./model";
import { useAction } from "./useAction";

const RATINGS = ["low", "medium", "high"] as const;

/** The risk register: warning → assessment → response → review (flagged after a milestone passes). */
export function RisksTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const risks = useLoad((signal) => callApi<Risk[]>("GET", `${base(project.id)}/risks`, undefined, { signal }).then((r) => r.data), []);
  const act = useAction();
  const [form, setForm] = useState({ description: "", probability: "medium", impact: "medium", ownerEmail: "", response: "" });
  const [notes, setNotes] = useState<Record<string, string>>({});
  return (
    <div className="stack">
      {risks.error ? <ProblemBar error={risks.error} onRetry={risks.reload} /> : null}
      {!risks.data && !risks.error ? <Spinner size="small" /> : null}
      {risks.data?.length === 0 ? <p className="empty">{t("noRisks")}</p> : null}
      {act.error ? <ProblemBar error={act.error} /> : null}
      <ul className="plain" aria-label={t("projectTab.risks")}>
        {risks.data?.map((r) => (
          <li key={r.id} className="card stack" style={{ gap: 4 }}>
            <span className="row" style={{ justifyContent: "space-between" }}>
              <Text weight="semibold">{r.description}</Text>
              {r.needsReview ? (
                <Badge appearance="tint" color="warning">
                  {t("reviewDue")}
                </Badge>
              ) : (
                <Badge appearance="tint" color={r.status === "closed" ? "success" : "informative"}>
                  {t(`riskStatus.${r.status as "identified" | "assessed" | "responding" | "closed"}`)}
                </Badge>
              )}
            </span>
            <span className="muted">
              {t("riskRating", { probability: t(`rating.${r.probability}`), impact: t(`rating.${r.impact}`) })} · {r.owner.displayName}
            </span>
            {r.response ? <span>{r.response}</span> : null}
            {project.state === "active" && r.canChange && r.status !== "closed" ? (
              <div className="row">
                <Input
                  size="small"
                  aria-label={t("reviewNote")}
                  placeholder={t("reviewNote")}
                  value={notes[r.id] ?? ""}
                  onChange={(_, d) => setNotes({ ...notes, [r.id]: d.value })}
                />
                <Button
                  size="small"
                  disabled={act.busy}
                  onClick={() =>
                    void act.run(
                      () => callApi<Risk>("POST", `${base(project.id)}/risks/${r.id}/review`, { note: notes[r.id] ?? "" }, { ifMatch: etagOf(r.version) }),
                      (next) => risks.set((risks.data ?? []).map((x) => (x.id === r.id ? next.data : x))),
                    )
                  }
                >
                  {t("reviewRisk")}
                </Button>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      {project.state === "active" ? (
        <div className="card stack">
          <Field label={t("riskDescription")} required>
            <Input value={form.description} onChange={(_, d) => setForm({ ...form, description: d.value })} />
          </Field>
          <div className="row">
            {(["probability", "impact"] as const).map((key) => (
              <Field key={key} label={t(`risk.${key}`)}>
                <Select value={form[key]} onChange={(_, d) => setForm({ ...form, [key]: d.value })}>
                  {RATINGS.map((v) => (
                    <option key={v} value={v}>
                      {t(`rating.${v}`)}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
          </div>
          <Field label={t("riskOwner")} required>
            <Input type="email" value={form.ownerEmail} onChange={(_, d) => setForm({ ...form, ownerEmail: d.value })} />
          </Field>
          <Field label={t("riskResponse")}>
            <Input value={form.response} onChange={(_, d) => setForm({ ...form, response: d.value })} />
          </Field>
          <div>
            <Button
              size="small"
              disabled={act.busy}
              onClick={() =>
                void act.run(
                  () => callApi("POST", `${base(project.id)}/risks`, form),
                  () => {
                    setForm({ description: "", probability: "medium", impact: "medium", ownerEmail: "", response: "" });
                    risks.reload();
                  },
                )
              }
            >
              {t("addRisk")}
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
