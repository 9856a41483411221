import { Button, Field, Input, Select, Textarea } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons/svg/add";
import { ArrowDownRegular } from "@fluentui/react-icons/svg/arrow-down";
import { ArrowUpRegular } from "@fluentui/react-icons/svg/arrow-up";
import { ChevronDownRegular } from "@fluentui/react-icons/svg/chevron-down";
import { ChevronRightRegular } from "@fluentui/react-icons/svg/chevron-right";
import { DeleteRegular } from "@fluentui/react-icons/svg/delete";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { budget, newRowKey, type AgendaItem, type Plan } from "./plan";
import { TimeBudget } from "./TimeBudget";

const FIELDS = ["topic", "discussion", "owner", "plannedMinutes", "expectedOutput"] as const;

/**
 * The agenda: one collapsible card per item (topic, what is discussed, owner, minutes, expected output), reordered
 * with up/down, and the time budget under it. A new item opens; an item with a problem opens itself.
 */
export function AgendaEditor({
  plan,
  onChange,
  error,
  touch,
}: {
  plan: Plan;
  onChange: (agenda: AgendaItem[]) => void;
  error: (field: string) => string | undefined;
  touch: (field: string) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const items = plan.agenda;
  const move = (from: number, to: number) => {
    const next = [...items];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved);
    onChange(next);
  };
  const add = () => {
    const key = newRowKey();
    onChange([...items, { key, topic: "", discussion: "", owner: plan.attendees[0]?.email ?? "", plannedMinutes: 15, expectedOutput: "" }]);
    setOpen(new Set(open).add(key));
  };
  const toggle = (key: string) => {
    const next = new Set(open);
    if (!next.delete(key)) next.add(key);
    setOpen(next);
  };
  const { planned, length } = budget(plan);
  return (
    <div className="stack">
      {error("agenda") ? (
        <div role="alert" style={{ color: "var(--colorPaletteRedForeground1)" }}>
          {error("agenda")}
        </div>
      ) : null}
      <ol className="plain">
        {items.map((item, i) => {
          const path = (f: string) => `agenda[${i}].${f}`;
          const expanded = open.has(item.key) || FIELDS.some((f) => error(path(f)));
          const title = item.topic || t("untitled");
          const set = (change: Partial<AgendaItem>) => onChange(items.map((x) => (x.key === item.key ? { ...x, ...change } : x)));
          const owner = plan.attendees.find((a) => a.email === item.owner)?.displayName ?? item.owner;
          return (
            <li key={item.key} className="card stack" style={{ gap: 6, padding: 8 }} aria-label={t("agendaItem", { n: i + 1 })}>
              <div className="agenda-head">
                <Button
                  size="small"
                  appearance="transparent"
                  icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
                  aria-expanded={expanded}
                  aria-label={`${i + 1}. ${title}`}
                  onClick={() => toggle(item.key)}
                />
                <span className="grow" aria-hidden>
                  {i + 1}. {title}
                </span>
                <span className="muted">{t("minutesShort", { count: item.plannedMinutes ?? 0 })}</span>
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowUpRegular />}
                  disabled={i === 0}
                  aria-label={t("moveUp", { topic: title })}
                  onClick={() => move(i, i - 1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<ArrowDownRegular />}
                  disabled={i === items.length - 1}
                  aria-label={t("moveDown", { topic: title })}
                  onClick={() => move(i, i + 1)}
                />
                <Button
                  size="small"
                  appearance="subtle"
                  icon={<DeleteRegular />}
                  aria-label={t("remove", { name: title })}
                  onClick={() => onChange(items.filter((x) => x.key !== item.key))}
                />
              </div>
              {!expanded ? (
                <span className="muted">
                  {owner}
                  {item.expectedOutput ? ` · ${item.expectedOutput}` : ""}
                </span>
              ) : (
                <>
                  <Field label={t("topic")} required validationMessage={error(path("topic"))} onBlur={() => touch(path("topic"))}>
                    <Input size="small" value={item.topic} onChange={(_, d) => set({ topic: d.value })} />
                  </Field>
                  <Field label={t("discussion")} required validationMessage={error(path("discussion"))} onBlur={() => touch(path("discussion"))}>
                    <Textarea size="small" rows={2} resize="vertical" value={item.discussion} onChange={(_, d) => set({ discussion: d.value })} />
                  </Field>
                  <div className="row">
                    <Field label={t("agendaOwner")} validationMessage={error(path("owner"))} onBlur={() => touch(path("owner"))}>
                      <Select size="small" value={item.owner} onChange={(_, d) => set({ owner: d.value })}>
                        {!plan.attendees.some((a) => a.email === item.owner) ? <option value={item.owner}>{item.owner || "—"}</option> : null}
                        {plan.attendees.map((a) => (
                          <option key={a.email} value={a.email}>
                            {a.displayName || a.email}
                          </option>
                        ))}
                      </Select>
                    </Field>
                    <Field
                      label={t("plannedMinutes")}
                      validationMessage={error(path("plannedMinutes"))}
                      onBlur={() => touch(path("plannedMinutes"))}
                      style={{ maxWidth: 110 }}
                    >
                      <Input
                        size="small"
                        type="number"
                        inputMode="numeric"
                        min={1}
                        max={480}
                        step={5}
                        value={item.plannedMinutes?.toString() ?? ""}
                        onChange={(_, d) => set({ plannedMinutes: d.value === "" ? null : Math.round(Number(d.value)) || null })}
                      />
                    </Field>
                  </div>
                  <Field label={t("expectedOutput")} required validationMessage={error(path("expectedOutput"))} onBlur={() => touch(path("expectedOutput"))}>
                    <Input size="small" value={item.expectedOutput} onChange={(_, d) => set({ expectedOutput: d.value })} />
                  </Field>
                </>
              )}
            </li>
          );
        })}
      </ol>
      <div>
        <Button size="small" icon={<AddRegular />} onClick={add}>
          {t("addAgendaItem")}
        </Button>
      </div>
      <TimeBudget planned={planned} length={length} />
    </div>
  );
}
