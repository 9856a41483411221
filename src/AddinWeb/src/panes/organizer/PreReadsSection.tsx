import { Button, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons/svg/add";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import { useTranslation } from "react-i18next";
import { newRowKey, type Plan, type PreRead } from "./plan";

/** Pre-reads: title, link, and who must read it (attendees; nobody picked means everyone). */
export function PreReadsSection({
  plan,
  onChange,
  error,
}: {
  plan: Plan;
  onChange: (preReads: PreRead[]) => void;
  error: (field: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const set = (key: string, change: Partial<PreRead>) => onChange(plan.preReads.map((p) => (p.key === key ? { ...p, ...change } : p)));
  return (
    <div className="stack">
      <ul className="plain">
        {plan.preReads.map((p, i) => (
          <li key={p.key} className="card stack" style={{ gap: 6, padding: 8 }} aria-label={t("preRead", { n: i + 1 })}>
            <div className="agenda-head">
              <span className="grow">{p.title || t("untitled")}</span>
              <Button
                size="small"
                appearance="subtle"
                icon={<DeleteRegular />}
                aria-label={t("remove", { name: p.title || t("preRead", { n: i + 1 }) })}
                onClick={() => onChange(plan.preReads.filter((x) => x.key !== p.key))}
              />
            </div>
            <Field label={t("preReadTitle")} validationMessage={error(`preReads[${i}].title`)}>
              <Input size="small" value={p.title} onChange={(_, d) => set(p.key, { title: d.value })} />
            </Field>
            <Field label={t("preReadLink")} validationMessage={error(`preReads[${i}].url`)}>
              <Input size="small" type="url" value={p.url} onChange={(_, d) => set(p.key, { url: d.value })} />
            </Field>
            <Field label={t("preReadReaders")} validationMessage={error(`preReads[${i}].readers`)}>
              <Dropdown
                size="small"
                multiselect
                placeholder={t("everyone")}
                selectedOptions={p.readers}
                value={p.readers.map((r) => plan.attendees.find((a) => a.email === r)?.displayName ?? r).join(", ")}
                onOptionSelect={(_, d) => set(p.key, { readers: d.selectedOptions })}
              >
                {plan.attendees.map((a) => (
                  <Option key={a.email} value={a.email}>
                    {a.displayName || a.email}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </li>
        ))}
      </ul>
      <div>
        <Button size="small" icon={<AddRegular />} onClick={() => onChange([...plan.preReads, { key: newRowKey(), title: "", url: "", readers: [] }])}>
          {t("addPreRead")}
        </Button>
      </div>
    </div>
  );
}
