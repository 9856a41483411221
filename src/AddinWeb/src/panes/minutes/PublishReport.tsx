import { Badge, Button } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { MessageKey } from "../../i18n";
import { actionRowIndex, type Report } from "./model";

interface Line {
  key: string;
  title: string;
  where?: { table: number; rowNumber: number };
  note?: string;
}

/**
 * What a publish did, row by row. Rows are named by their table and row numbers (never parsed from prose); in Word,
 * "Show in the document" selects the row. Field names are translated; messages come translated from the API.
 */
export function PublishReport({ report, onShow }: { report: Report; onShow?: (index: number) => void }) {
  const { t } = useTranslation();
  const fields = (names: string[]) =>
    names
      .map((f) => {
        const key = `field.${f}` as MessageKey;
        return t(key) === key ? f : t(key);
      })
      .join(", ");
  const groups: Array<{ key: MessageKey; color: "success" | "brand" | "informative" | "warning" | "danger" | "subtle"; lines: Line[] }> = [
    { key: "report.created", color: "success", lines: report.created.map((r) => ({ key: r.id, title: r.title, where: r })) },
    {
      key: "report.updated",
      color: "brand",
      lines: report.updated.map((r) => ({ key: r.id, title: r.title, where: r, note: t("changedFields", { fields: fields(r.fields) }) })),
    },
    { key: "report.conflicts", color: "warning", lines: report.conflicts.map((c, i) => ({ key: `${c.id}-${i}`, title: c.title, note: c.message })) },
    { key: "report.skipped", color: "danger", lines: report.skipped.map((s, i) => ({ key: `s${i}`, title: s.reason, where: s })) },
    { key: "report.warnings", color: "warning", lines: report.warnings.map((w, i) => ({ key: `w${i}`, title: w.message, note: w.location })) },
    { key: "report.cancelled", color: "subtle", lines: report.cancelled.map((c) => ({ key: c.id, title: c.title })) },
    { key: "report.unchanged", color: "informative", lines: report.unchanged.map((r) => ({ key: r.id, title: r.title, where: r })) },
  ];
  return (
    <section className="card stack" aria-labelledby="report">
      <h2 id="report">{t("report")}</h2>
      <div className="muted">{t("reportSummary", { created: report.created.length, updated: report.updated.length, unchanged: report.unchanged.length })}</div>
      {groups
        .filter((g) => g.lines.length > 0)
        .map((g) => (
          <div key={g.key} className="stack" style={{ gap: 4 }}>
            <h3>
              {t(g.key)}{" "}
              <Badge size="small" appearance="tint" color={g.color}>
                {g.lines.length}
              </Badge>
            </h3>
            <ul className="plain">
              {g.lines.map((line) => {
                const index = line.where ? actionRowIndex(line.where) : null;
                return (
                  <li key={line.key} className="report-row">
                    <span>{line.title}</span>
                    {line.where ? <span className="where">{t("rowAt", { table: line.where.table, row: line.where.rowNumber })}</span> : null}
                    {line.note ? <span className="where">{line.note}</span> : null}
                    {onShow && index !== null ? (
                      <Button size="small" appearance="transparent" onClick={() => onShow(index)}>
                        {t("showInDocument")}
                      </Button>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </section>
  );
}
