import { Button, Spinner } from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons/svg/checkmark-circle";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { formatInstant } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";

interface Step {
  id: string;
  publishedAt: string;
  publishedBy: string;
  approvedAt: string | null;
  approvedBy: { displayName: string } | null;
  latest: boolean;
}
interface Status {
  publications: Step[];
  approvers: Array<{ displayName: string }>;
  canApprove: boolean;
}

/**
 * Where the published minutes stand: a draft awaiting the host, or approved (by whom, when). The host approves here in
 * one click. `round` reloads it after a publish.
 */
export function SignOff({ meetingId, round = 0 }: { meetingId: string; round?: number }) {
  const { t } = useTranslation();
  const status = useLoad(
    (signal) => callApi<Status>("GET", `/api/meetings/${meetingId}/minutes/publications`, undefined, { signal }).then((r) => r.data),
    [meetingId, round],
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  if (status.error) return <ProblemBar error={status.error} onRetry={status.reload} />;
  if (!status.data) return <Spinner size="tiny" label={t("loading")} />;
  const latest = status.data.publications[0];
  if (!latest) return null;
  const approvers = status.data.approvers.map((a) => a.displayName).join(t("listSeparator"));

  const approve = async () => {
    setBusy(true);
    setError(undefined);
    try {
      status.set((await callApi<Status>("POST", `/api/meetings/${meetingId}/minutes/approve`, { publicationId: latest.id })).data);
    } catch (e) {
      setError(e);
      status.reload(); // a newer publication, most likely: show it
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack" aria-label={t("signOff")}>
      {latest.approvedAt ? (
        <Notice intent="success">{t("approvedBy", { name: latest.approvedBy?.displayName ?? "", when: formatInstant(latest.approvedAt) })}</Notice>
      ) : (
        <Notice intent="warning">{t("awaitingApproval", { when: formatInstant(latest.publishedAt), approvers })}</Notice>
      )}
      {!latest.approvedAt && status.data.canApprove ? (
        <div className="actions">
          <Button appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : <CheckmarkCircleRegular />} onClick={() => void approve()}>
            {t("approveMinutes")}
          </Button>
        </div>
      ) : null}
      {error ? <ProblemBar error={error} /> : null}
    </section>
  );
}
