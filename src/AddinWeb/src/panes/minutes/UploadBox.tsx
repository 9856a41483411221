import { Button, Spinner } from "@fluentui/react-components";
import { ArrowUploadRegular } from "@fluentui/react-icons/svg/arrow-upload";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Notice } from "../../app/Problem";

const isDocx = (file: File) => /\.docx$/i.test(file.name);

/** Pick or drop the filled .docx, then publish it: the plain-browser way to hand the minutes over. */
export function UploadBox({ busy, onPublish }: { busy: boolean; onPublish: (file: File) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [refused, setRefused] = useState(false);
  const [over, setOver] = useState(false);
  const take = (f: File | undefined) => {
    if (!f) return;
    setRefused(!isDocx(f));
    setFile(isDocx(f) ? f : null);
  };
  return (
    <section
      className={`drop${over ? " over" : ""}`}
      aria-labelledby="upload"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer.files[0]);
      }}
    >
      <h2 id="upload">{t("uploadTitle")}</h2>
      <input
        ref={input}
        type="file"
        hidden
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        aria-label={t("chooseFile")}
        onChange={(e) => {
          take(e.target.files?.[0]);
          e.target.value = "";
        }}
      />
      <div className="actions">
        <Button icon={<ArrowUploadRegular />} onClick={() => input.current?.click()}>
          {t("chooseFile")}
        </Button>
        <span className="muted">{t("dropHere")}</span>
      </div>
      {refused ? <Notice intent="warning">{t("notDocx")}</Notice> : null}
      {file ? (
        <Button appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined} onClick={() => onPublish(file)}>
          {t("publishFile", { name: file.name })}
        </Button>
      ) : null}
    </section>
  );
}
