import { Button, Field, Select, Spinner } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons/svg/arrow-download";
import { MailRegular } from "@fluentui/react-icons/svg/mail";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "../../api";
import { formatInstant } from "../../app/format";
import { Notice, ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { canEditDocument, documentBytes, insertDocument, selectActionRow, stampActionIds } from "../../word";
import { minutesMeetings, type MeetingSummary, type Report } from "./model";
import { paneLink } from "../../app/links";
import { SignOff } from "./SignOff";
import { PublishReport } from "./PublishReport";
import { UploadBox } from "./UploadBox";

import { DOCX, saveFile, toBase64 } from "../../app/files";
type Status =
  | { kind: "inserted" | "stamped" }
  | { kind: "mailed"; sent: number; failed: string[] }
  | { kind: "alreadyMailed"; when: string }
  | { kind: "error"; error: unknown }
  | null;

/**
 * Meeting minutes. In Word: insert the template, publish the open document, mail. Anywhere else (a plain browser):
 * download the template, fill it in Word, upload it (picker or drag and drop) to publish, mail.
 */
export function MinutesPane() {
  const { t } = useTranslation();
  const inWord = canEditDocument();
  const meetings = useLoad(
    (signal) => callApi<{ items: MeetingSummary[] }>("GET", "/api/meetings", undefined, { signal }).then((r) => minutesMeetings(r.data.items)),
    [],
  );
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState<"insert" | "publish" | "mail" | "download" | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [publishes, setPublishes] = useState(0); // each publish may start a new draft: the sign-off reloads

  if (meetings.error) return <ProblemBar error={meetings.error} onRetry={meetings.reload} />;
  if (!meetings.data) return <Spinner size="small" label={t("loading")} />;
  if (meetings.data.length === 0) return <p className="empty">{t("noMeetings")}</p>;
  const meeting = chosen ?? meetings.data[0].id;

  const run = async (what: NonNullable<typeof busy>, work: () => Promise<void>) => {
    setBusy(what);
    setStatus(null);
    try {
      await work();
    } catch (error) {
      setStatus({ kind: "error", error });
    } finally {
      setBusy(null);
    }
  };
  const template = async () => (await callApi<ArrayBuffer>("GET", `/api/meetings/${meeting}/minutes/template`, undefined, { binary: true })).data;

  const insert = () =>
    run("insert", async () => {
      await insertDocument(toBase64(new Uint8Array(await template())));
      setStatus({ kind: "inserted" });
    });
  const download = () =>
    run("download", async () => {
      const subject = meetings.data!.find((m) => m.id === meeting)?.subject ?? "minutes";
      saveFile(await template(), `${subject}.docx`);
    });
  const publish = (bytes: () => Promise<Uint8Array | Blob>) =>
    run("publish", async () => {
      const { data } = await callApi<Report>("POST", `/api/meetings/${meeting}/minutes`, await bytes(), { contentType: DOCX });
      setReport(data);
      setPublishes((n) => n + 1);
      if (inWord) {
        const ids = new Map(data.rows.filter((r) => r.table === 1).map((r) => [r.rowNumber - 2, r.id] as [number, string]));
        if ((await stampActionIds(ids)) > 0) setStatus({ kind: "stamped" });
      }
    });
  // The same minutes go out again only when the note-taker confirms it: a second click must not mail everyone twice.
  const mail = (resend: boolean) =>
    run("mail", async () => {
      try {
        const { data } = await callApi<{ sent: string[]; failed: Array<{ email: string }> }>(
          "POST",
          `/api/meetings/${meeting}/minutes/mail${resend ? "?resend=true" : ""}`,
        );
        setStatus({ kind: "mailed", sent: data.sent.length, failed: data.failed.map((f) => f.email) });
      } catch (error) {
        if (error instanceof ApiError && error.status === 409 && typeof error.problem.mailedAt === "string")
          setStatus({ kind: "alreadyMailed", when: formatInstant(error.problem.mailedAt) });
        else throw error;
      }
    });

  const spin = (what: typeof busy) => (busy === what ? <Spinner size="tiny" /> : undefined);
  return (
    <>
      <Field label={t("pickMeeting")}>
        <Select
          value={meeting}
          onChange={(_, d) => {
            setChosen(d.value);
            setReport(null);
            setStatus(null);
          }}
        >
          {meetings.data.map((m) => (
            <option key={m.id} value={m.id}>{`${m.subject} · ${formatInstant(m.startUtc, { dateStyle: "medium", timeStyle: "short" })}`}</option>
          ))}
        </Select>
      </Field>
      {inWord ? (
        <div className="actions">
          <Button disabled={!!busy} icon={spin("insert")} onClick={() => void insert()}>
            {t("insertTemplate")}
          </Button>
          <Button appearance="primary" disabled={!!busy} icon={spin("publish")} onClick={() => void publish(documentBytes)}>
            {t("publish")}
          </Button>
        </div>
      ) : (
        <>
          <div className="stack" style={{ gap: 4 }}>
            <div>
              <Button disabled={!!busy} icon={spin("download") ?? <ArrowDownloadRegular />} onClick={() => void download()}>
                {t("downloadTemplate")}
              </Button>
            </div>
            <span className="muted">{t("downloadHint")}</span>
          </div>
          <UploadBox busy={busy === "publish"} onPublish={(file) => void publish(async () => file)} />
        </>
      )}
      <div className="actions">
        <Button disabled={!!busy} icon={spin("mail") ?? <MailRegular />} onClick={() => void mail(false)}>
          {t("mailMinutes")}
        </Button>
      </div>
      <SignOff meetingId={meeting} round={publishes} />
      <nav className="actions" aria-label={t("appName")}>
        <a className="pane-link" href={paneLink("clock", { meeting })}>
          {t("openClock")}
        </a>
        {/* In Word: the project forms to insert, and a responsibilities table to read back. */}
        <a className="pane-link" href={paneLink("projects")}>
          {t("projectsTitle")}
        </a>
      </nav>
      <StatusBar status={status} onResend={() => void mail(true)} busy={!!busy} />
      {report ? <PublishReport report={report} onShow={inWord ? (i) => void selectActionRow(i) : undefined} /> : null}
    </>
  );
}

function StatusBar({ status, onResend, busy }: { status: Status; onResend: () => void; busy: boolean }) {
  const { t } = useTranslation();
  if (!status) return null;
  switch (status.kind) {
    case "inserted":
      return <Notice intent="success">{t("inserted")}</Notice>;
    case "stamped":
      return <Notice intent="info">{t("stamped")}</Notice>;
    case "error":
      return <ProblemBar error={status.error} />;
    case "mailed":
      return (
        <>
          <Notice intent="success">{t("mailed", { count: status.sent })}</Notice>
          {status.failed.length > 0 ? <Notice intent="warning">{t("mailFailed", { emails: status.failed.join(", ") })}</Notice> : null}
        </>
      );
    case "alreadyMailed":
      return (
        <div className="stack">
          <Notice intent="info">{t("alreadyMailed", { when: status.when })}</Notice>
          <div className="actions">
            <Button disabled={busy} onClick={onResend}>
              {t("sendAgain")}
            </Button>
          </div>
        </div>
      );
  }
}
