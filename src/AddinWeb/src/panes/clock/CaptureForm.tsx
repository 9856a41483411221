import { Button, Field, Input, Select, Spinner, Tab, TabList, Textarea } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { Notice, ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";

type Kind = "decision" | "action";

/**
 * Capture a decision or an action item while the meeting runs, tagged with the agenda item on the clock. Stored at once;
 * the minutes template then carries it with its id, so Word and the pane never disagree.
 */
export function CaptureForm({ meetingId, agendaItemId }: { meetingId: string; agendaItemId: string | null }) {
  const { t } = useTranslation();
  const people = useLoad(
    (signal) =>
      callApi<{ attendees: Array<{ email: string; displayName: string }> }>("GET", `/api/meetings/${meetingId}`, undefined, { signal }).then(
        (r) => r.data.attendees,
      ),
    [meetingId],
  );
  const [kind, setKind] = useState<Kind>("decision");
  const [text, setText] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: string } | { error: unknown } | null>(null);

  const save = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      if (kind === "decision") await callApi("POST", `/api/meetings/${meetingId}/capture/decisions`, { text, agendaItemId, owner: owner || null });
      else await callApi("POST", `/api/meetings/${meetingId}/capture/action-items`, { title: text, owner: owner || null, dueDate: due || null, agendaItemId });
      setOutcome({ saved: text });
      setText("");
      setDue("");
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card stack"
      aria-label={t("captureTitle")}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t("captureTitle")}</h3>
      <TabList size="small" selectedValue={kind} onTabSelect={(_, d) => setKind(d.value as Kind)}>
        <Tab value="decision">{t("captureDecision")}</Tab>
        <Tab value="action">{t("captureAction")}</Tab>
      </TabList>
      <Field label={kind === "decision" ? t("captureDecisionText") : t("captureActionText")} required>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} rows={2} resize="vertical" />
      </Field>
      <div className="row">
        <Field label={t("owner")} required={kind === "action"}>
          <Select value={owner} onChange={(_, d) => setOwner(d.value)}>
            <option value="">{kind === "action" ? t("capturePick") : t("captureNoOwner")}</option>
            {(people.data ?? []).map((p) => (
              <option key={p.email} value={p.email}>
                {p.displayName}
              </option>
            ))}
          </Select>
        </Field>
        {kind === "action" ? (
          <Field label={t("captureDue")} required>
            <Input className="date-input" type="date" value={due} onChange={(_, d) => setDue(d.value)} />
          </Field>
        ) : null}
      </div>
      <div className="actions">
        <Button type="submit" appearance="primary" disabled={busy || !text.trim()} icon={busy ? <Spinner size="tiny" /> : undefined}>
          {t("captureSave")}
        </Button>
      </div>
      {outcome && "saved" in outcome ? <Notice intent="success">{t("captureSaved", { text: outcome.saved })}</Notice> : null}
      {outcome && "error" in outcome ? <ProblemBar error={outcome.error} /> : null}
    </form>
  );
}
