import {
  Avatar,
  Button,
  Checkbox,
  Field,
  Input,
  Select,
  Spinner,
  TagPicker,
  TagPickerControl,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
} from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons/svg/dismiss";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { isAppointmentCompose, composeFields } from "../../mailbox";
import type { DirectoryPerson } from "./directory";
import { ROLES, withCompose, type Attendee } from "./plan";
import type { PlanForm } from "./usePlanForm";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** People and roles: a directory picker that fills name and department, then one compact row per attendee. */
export function PeopleSection({ form }: { form: PlanForm }) {
  const { t } = useTranslation();
  const { plan, update, error, touch } = form;
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<DirectoryPerson[]>([]);
  const [searching, setSearching] = useState(false);
  const [listOpen, setListOpen] = useState(false);

  useEffect(() => {
    const text = query.trim();
    if (text.length < 2) {
      setFound([]);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      setSearching(true);
      callApi<DirectoryPerson[]>("GET", `/api/people?search=${encodeURIComponent(text)}`, undefined, { signal: abort.signal })
        .then(
          ({ data }) => setFound(data),
          () => setFound([]),
        )
        .finally(() => {
          if (!abort.signal.aborted) setSearching(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query]);

  const chosen = plan.attendees.map((a) => a.email);
  const typed = query.trim().toLowerCase();
  const options: DirectoryPerson[] = [
    ...found.filter((p) => !chosen.includes(p.email.toLowerCase())),
    ...(EMAIL.test(typed) && !found.some((p) => p.email.toLowerCase() === typed) && !chosen.includes(typed)
      ? [{ email: typed, displayName: typed, department: null }]
      : []),
  ];
  const add = (email: string) => {
    const person = options.find((p) => p.email === email);
    if (!person) return;
    update((p) => ({
      ...p,
      attendees: [
        ...p.attendees,
        { email: person.email.toLowerCase(), displayName: person.displayName, department: person.department ?? "", kind: "core", roles: [], preparation: "" },
      ],
    }));
    setQuery("");
    setListOpen(false);
    touch("attendees");
  };
  const change = (index: number, next: Partial<Attendee>) =>
    update((p) => ({ ...p, attendees: p.attendees.map((a, i) => (i === index ? { ...a, ...next } : a)) }));
  const remove = (index: number) => update((p) => ({ ...p, attendees: p.attendees.filter((_, i) => i !== index) }));

  return (
    <div className="stack">
      <Field label={t("findPeople")} hint={t("findPeopleHint")} validationMessage={error("attendees")}>
        <TagPicker selectedOptions={chosen} onOptionSelect={(_, d) => add(d.value)} open={listOpen} onOpenChange={(_, d) => setListOpen(d.open)}>
          <TagPickerControl expandIcon={searching ? <Spinner size="extra-tiny" /> : undefined}>
            <TagPickerInput
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setListOpen(e.target.value.trim().length > 0);
              }}
            />
          </TagPickerControl>
          <TagPickerList>
            {options.length > 0 ? (
              options.map((p) => (
                <TagPickerOption
                  key={p.email}
                  value={p.email}
                  media={<Avatar name={p.displayName} size={24} aria-hidden />}
                  secondaryContent={[p.department, p.email].filter(Boolean).join(" · ")}
                  text={p.displayName}
                >
                  {p.displayName}
                </TagPickerOption>
              ))
            ) : typed.length >= 2 && !searching ? (
              <div className="muted" style={{ padding: 8 }}>
                {t("noPeople")}
              </div>
            ) : null}
          </TagPickerList>
        </TagPicker>
      </Field>
      {isAppointmentCompose() ? (
        <div>
          <Button size="small" onClick={() => void composeFields().then((f) => f && update((p) => withCompose(p, f)))}>
            {t("fromAppointment")}
          </Button>
        </div>
      ) : null}
      <ul className="plain" aria-label={t("people")}>
        {plan.attendees.map((a, i) => (
          <AttendeeRow key={a.email || i} attendee={a} index={i} form={form} onChange={(n) => change(i, n)} onRemove={() => remove(i)} />
        ))}
      </ul>
    </div>
  );
}

function AttendeeRow({
  attendee: a,
  index,
  form,
  onChange,
  onRemove,
}: {
  attendee: Attendee;
  index: number;
  form: PlanForm;
  onChange: (next: Partial<Attendee>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const [more, setMore] = useState(false);
  const problem = ["email", "displayName", "department", "kind", "roles", "preparation"].map((f) => form.error(`attendees[${index}].${f}`)).find(Boolean);
  const name = a.displayName || a.email;
  const open = more || !!problem; // a problem in a hidden field opens it
  return (
    <li className="card stack" style={{ gap: 6, padding: 8 }} aria-label={name}>
      <div className="person">
        <Avatar name={name} size={28} aria-hidden />
        <div className="person-text">
          <span>{name}</span>
          <span className="muted">{[a.department, a.email].filter(Boolean).join(" · ")}</span>
        </div>
        <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={t("remove", { name })} onClick={onRemove} />
      </div>
      <div className="actions" role="group" aria-label={t("roles")}>
        <Select
          size="small"
          aria-label={t("attendance")}
          value={a.kind}
          onChange={(_, d) => onChange({ kind: d.value as Attendee["kind"] })}
          style={{ width: 96 }}
        >
          <option value="core">{t("core")}</option>
          <option value="optional">{t("optional")}</option>
        </Select>
        {ROLES.map((role) => (
          <Checkbox
            key={role}
            size="medium"
            label={t(`role.${role}`)}
            checked={a.roles.includes(role)}
            onChange={(_, d) => onChange({ roles: d.checked ? [...a.roles, role] : a.roles.filter((r) => r !== role) })}
          />
        ))}
      </div>
      {problem ? (
        <div role="alert" className="field-error" style={{ color: "var(--colorPaletteRedForeground1)" }}>
          {problem}
        </div>
      ) : null}
      <div>
        <Button size="small" appearance="transparent" aria-expanded={open} aria-label={t("moreFor", { name })} onClick={() => setMore(!open)}>
          {t("moreShort")}
        </Button>
      </div>
      {open ? (
        <div className="stack">
          <Field label={t("department")}>
            <Input size="small" value={a.department} onChange={(_, d) => onChange({ department: d.value })} />
          </Field>
          <Field label={t("preparation")}>
            <Input size="small" value={a.preparation} onChange={(_, d) => onChange({ preparation: d.value })} />
          </Field>
        </div>
      ) : null}
    </li>
  );
}
