import { Button, Text } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons/svg/arrow-download";
import { DocumentAddRegular } from "@fluentui/react-icons/svg/document-add";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { DOCX, saveFile, toBase64 } from "../../app/files";
import { Notice, ProblemBar } from "../../app/Problem";
import { usePane } from "../../app/Shell";
import { canEditDocument, documentBytes, insertDocument } from "../../word";
import { base, FORMS, type Project } from "./model";
import { useAction } from "./useAction";
import { useState } from "react";

interface ReadBackRow {
  row: number;
  title: string;
  reason: string | null;
}
interface ReadBackReport {
  created: ReadBackRow[];
  updated: ReadBackRow[];
  unchanged: ReadBackRow[];
  skipped: ReadBackRow[];
}

/** The guides' forms filled from the project: download any of them, the archive, or the whole set; in Word, insert one. */
export function DocumentsTab({ project }: { project: Project }) {
  const { t } = useTranslation();
  const { host } = usePane();
  const act = useAction();
  const [inserted, setInserted] = useState<(typeof FORMS)[number] | null>(null);
  const [report, setReport] = useState<ReadBackReport | null>(null);
  const readBack = (bytes: () => Promise<Uint8Array | Blob>) =>
    void act.run(
      async () => (await callApi<ReadBackReport>("POST", `${base(project.id)}/documents/responsibilities`, await bytes(), { contentType: DOCX })).data,
      setReport,
    );
  const inWord = host === "word" && canEditDocument();
  const fetchForm = async (form: (typeof FORMS)[number] | "set") =>
    (await callApi<ArrayBuffer>("GET", `${base(project.id)}/documents/${form}`, undefined, { binary: true })).data;
  return (
    <div className="stack">
      <Text>{inWord ? t("documentsInWord") : t("documentsIntro")}</Text>
      {act.error ? <ProblemBar error={act.error} /> : null}
      {inserted ? <Notice intent="success">{t("formInserted", { form: t(`form.${inserted}`) })}</Notice> : null}
      <ul className="plain" aria-label={t("projectTab.documents")}>
        {FORMS.map((form) => (
          <li key={form} className="row" style={{ justifyContent: "space-between" }}>
            <span>{t(`form.${form}`)}</span>
            <Button
              size="small"
              appearance="subtle"
              icon={inWord ? <DocumentAddRegular /> : <ArrowDownloadRegular />}
              disabled={act.busy}
              aria-label={`${inWord ? t("insertForm") : t("download")}: ${t(`form.${form}`)}`}
              onClick={() =>
                void act.run(async () => {
                  const bytes = await fetchForm(form);
                  if (inWord) {
                    await insertDocument(toBase64(new Uint8Array(bytes)));
                    setInserted(form);
                  } else saveFile(bytes, `${project.number} ${t(`form.${form}`)}.docx`);
                })
              }
            >
              {inWord ? t("insertForm") : t("download")}
            </Button>
          </li>
        ))}
      </ul>
      <div>
        <Button
          size="small"
          icon={<ArrowDownloadRegular />}
          disabled={act.busy}
          onClick={() => void act.run(async () => saveFile(await fetchForm("set"), `${project.number}.zip`, "application/zip"))}
        >
          {t("downloadSet")}
        </Button>
      </div>
      {project.state === "active" ? (
        <div className="card stack">
          <Text weight="semibold">{t("readBackTitle")}</Text>
          <span className="muted">{t("readBackHint")}</span>
          {inWord ? (
            <div>
              <Button size="small" disabled={act.busy} onClick={() => readBack(documentBytes)}>
                {t("readBackThisDocument")}
              </Button>
            </div>
          ) : (
            <input
              type="file"
              accept=".docx"
              aria-label={t("readBackUpload")}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) readBack(() => Promise.resolve(file));
              }}
            />
          )}
          {report ? (
            <ul className="problem-lines">
              <li>
                {t("readBackSummary", {
                  created: String(report.created.length),
                  updated: String(report.updated.length),
                  unchanged: String(report.unchanged.length),
                })}
              </li>
              {report.skipped.map((r) => (
                <li key={r.row}>{t("readBackSkipped", { row: String(r.row), title: r.title, reason: r.reason ?? "" })}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
