import {
  Badge,
  Button,
  Field,
  Menu,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Spinner,
  Switch,
  Textarea,
  Tooltip,
} from "@fluentui/react-components";
import { CheckmarkRegular } from "@fluentui/react-icons/svg/checkmark";
import { ChevronDownRegular } from "@fluentui/react-icons/svg/chevron-down";
import { ChevronUpRegular } from "@fluentui/react-icons/svg/chevron-up";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "../../api";
import { daysLate, formatDay } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import { paneLink } from "../../app/links";
import { STATUSES, type Item, type Status } from "./model";

interface Change {
  status?: Status;
  progressNote?: string;
  needsHelp?: boolean;
  needsHelpReason?: string;
}
type Outcome = { kind: "saved" } | { kind: "status"; status: Status } | { kind: "conflict"; change: Change } | { kind: "error"; error: unknown } | null;

const STATUS_COLOR: Record<Status, "informative" | "brand" | "danger" | "success" | "subtle"> = {
  open: "informative",
  inProgress: "brand",
  blocked: "danger",
  done: "success",
  cancelled: "subtle",
};

/**
 * One action item as a compact row: title, due chip, status, meeting. Status changes in one click (the menu, or
 * "mark done"); the progress note and "needs help" sit behind "Progress and help". A stale save (412) shows the
 * other person's version and lets the owner choose, never overwriting unseen.
 */
export function ItemRow({
  item,
  onChange,
  startOpen = false,
  linked = false,
}: {
  item: Item;
  onChange: (item: Item) => void;
  startOpen?: boolean;
  linked?: boolean;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(startOpen);
  const [note, setNote] = useState(item.progressNote ?? "");
  const [help, setHelp] = useState(item.needsHelp);
  const [reason, setReason] = useState(item.needsHelpReason ?? "");
  // The version the form's text was taken from, and that text. The list may be refreshed while the form is open (the
  // pane looked at again): untouched, the form follows the newer version; touched, it keeps its base, so saving it
  // meets whatever was saved since (412, theirs beside mine) instead of overwriting it.
  const [base, setBase] = useState(() => formOf(item));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const self = useRef<HTMLElement>(null);
  const detailsId = `details-${item.id}`;
  const touched = note !== base.note || help !== base.help || (help && reason !== base.reason);

  useEffect(() => {
    if (linked) self.current?.scrollIntoView({ block: "center" });
  }, [linked]);

  /** The form shows this version of the item, untouched. */
  const takeUp = (next: Item) => {
    const form = formOf(next);
    setNote(form.note);
    setHelp(form.help);
    setReason(form.reason);
    setBase(form);
  };

  useEffect(() => {
    if (item.version !== base.version && !touched) takeUp(item);
  }, [item, base.version, touched]);

  /** @param form the change is the form's (or mine over theirs): the form then holds what was saved. */
  const save = async (change: Change, version: number, form = false) => {
    setBusy(true);
    try {
      const { data } = await callApi<Item>("PATCH", `/api/action-items/${item.id}`, change, { ifMatch: `"${version}"` });
      setOutcome(change.status && Object.keys(change).length === 1 ? { kind: "status", status: change.status } : { kind: "saved" });
      // My own change moves the form's base with it; a status click on a newer version than the form's leaves the
      // form's text to meet that newer version when it is saved.
      if (form) setBase(formOf(data));
      else if (version === base.version) setBase((b) => ({ ...b, version: data.version }));
      onChange(data);
    } catch (error) {
      if (error instanceof ApiError && error.status === 412 && error.problem.current) {
        onChange(error.problem.current as Item); // theirs, shown; mine stays in the form
        setOutcome({ kind: "conflict", change });
      } else {
        setOutcome({ kind: "error", error });
      }
    } finally {
      setBusy(false);
    }
  };

  const details = (): Change => ({
    progressNote: note,
    needsHelp: help,
    ...(help ? { needsHelpReason: reason } : {}),
  });

  const due =
    item.dueDate === null ? (
      <Badge appearance="outline" color="informative">
        {t("noDue")}
      </Badge>
    ) : item.isOverdue ? (
      <Badge appearance="filled" color="danger">
        {t("daysLate", { count: Math.max(1, daysLate(item.dueDate)) })}
      </Badge>
    ) : daysLate(item.dueDate) === 0 ? (
      <Badge appearance="tint" color="warning">
        {t("dueToday")}
      </Badge>
    ) : (
      <Badge appearance="outline" color="informative">
        {t("dueOn", { date: formatDay(item.dueDate) })}
      </Badge>
    );

  return (
    <article ref={self} className={`card item${linked ? " linked" : ""}`} aria-label={item.title}>
      <div className="item-head">
        <h3 className="item-title">{item.title}</h3>
        {item.status !== "done" && item.status !== "cancelled" ? (
          <Tooltip content={t("markDone", { title: item.title })} relationship="label">
            <Button size="small" appearance="subtle" icon={<CheckmarkRegular />} disabled={busy} onClick={() => void save({ status: "done" }, item.version)} />
          </Tooltip>
        ) : null}
      </div>
      <div className="chips">
        {due}
        <Menu
          checkedValues={{ status: [item.status] }}
          onCheckedValueChange={(_, d) => {
            const next = d.checkedItems[0] as Status;
            if (next !== item.status) void save({ status: next }, item.version);
          }}
        >
          <MenuTrigger disableButtonEnhancement>
            <Button
              size="small"
              appearance="subtle"
              shape="circular"
              aria-label={`${t("changeStatus", { title: item.title })}: ${t(`status.${item.status}`)}`}
              icon={busy ? <Spinner size="extra-tiny" /> : <ChevronDownRegular />}
              iconPosition="after"
              disabled={busy || item.status === "cancelled"}
            >
              <Badge appearance="tint" color={STATUS_COLOR[item.status]}>
                {t(`status.${item.status}`)}
              </Badge>
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {STATUSES.map((s) => (
                <MenuItemRadio key={s} name="status" value={s}>
                  {t(`status.${s}`)}
                </MenuItemRadio>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        {item.needsHelp ? (
          <Badge appearance="tint" color="warning">
            {t("needsHelpBadge")}
          </Badge>
        ) : null}
      </div>
      <div className="meeting-name">
        {item.meetingSubject ? t("fromMeeting", { meeting: item.meetingSubject }) : null}
        {item.project ? (
          <>
            {item.meetingSubject ? " · " : ""}
            <a href={paneLink("projects") + `#project=${item.project.id}`}>{t("ofProject", { project: `${item.project.number} ${item.project.title}` })}</a>
          </>
        ) : null}
        {linked ? ` · ${t("ownerIs", { name: item.owner.displayName })}` : ""}
      </div>
      <div>
        <Button
          size="small"
          appearance="transparent"
          aria-expanded={open}
          aria-controls={detailsId}
          icon={open ? <ChevronUpRegular /> : <ChevronDownRegular />}
          iconPosition="after"
          onClick={() => setOpen(!open)}
        >
          {t("details")}
        </Button>
      </div>
      {open ? (
        <form
          id={detailsId}
          className="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void save(details(), base.version, true);
          }}
        >
          <Field label={t("progressNote")}>
            <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" rows={2} />
          </Field>
          <Switch checked={help} label={t("needsHelp")} onChange={(_, d) => setHelp(d.checked)} />
          {help ? (
            <Field label={t("needsHelpReason")} required>
              <Textarea value={reason} onChange={(_, d) => setReason(d.value)} resize="vertical" rows={2} />
            </Field>
          ) : null}
          <div className="actions">
            <Button type="submit" appearance="primary" size="small" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
              {t("save")}
            </Button>
          </div>
        </form>
      ) : null}
      <OutcomeBar
        outcome={outcome}
        item={item}
        onTheirs={() => {
          takeUp(item);
          setOutcome(null);
        }}
        onMine={(change) => void save(change, item.version, true)}
      />
    </article>
  );
}

function OutcomeBar({ outcome, item, onTheirs, onMine }: { outcome: Outcome; item: Item; onTheirs: () => void; onMine: (c: Change) => void }) {
  const { t } = useTranslation();
  if (!outcome) return null;
  switch (outcome.kind) {
    case "saved":
      return <Notice intent="success">{t("saved")}</Notice>;
    case "status":
      return <Notice intent="success">{t("statusSaved", { status: t(`status.${outcome.status}`) })}</Notice>;
    case "error":
      return <ProblemBar error={outcome.error} />;
    case "conflict":
      return (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t("conflictTitle")}</MessageBarTitle> {t("conflictBody")}
            <div>{t("conflictTheirs", { status: t(`status.${item.status}`), note: item.progressNote ?? "—" })}</div>
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onTheirs}>
              {t("theirs")}
            </Button>
            <Button size="small" appearance="primary" onClick={() => onMine(outcome.change)}>
              {t("mine")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      );
  }
}

/** What the details form shows of an item, with the version it is of. */
function formOf(item: Item) {
  return { version: item.version, note: item.progressNote ?? "", help: item.needsHelp, reason: item.needsHelpReason ?? "" };
}
