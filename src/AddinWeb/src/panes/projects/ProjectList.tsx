import { Badge, Button, Spinner, Text } from "@fluentui/react-components";
import { AddRegular } from "@fluentui/react-icons/svg/add";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { isTenantAdmin } from "../../auth";
import { usePane } from "../../app/Shell";
import { formatDay } from "../../app/format";
import { paneLink } from "../../app/links";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import type { Item } from "../items/model";
import { projectHash, type ProjectSummary } from "./model";
import { RequestForm } from "./RequestForm";
import { StateBadge } from "./StateBadge";

/** My projects (any part I have in them), my tasks across them, and the start of a new request. */
export function ProjectList() {
  const { t } = useTranslation();
  const [writing, setWriting] = useState(false);
  const { session } = usePane();
  const projects = useLoad((signal) => callApi<ProjectSummary[]>("GET", "/api/projects", undefined, { signal }).then((r) => r.data), []);
  const tasks = useLoad(
    (signal) =>
      callApi<{ items: Item[] }>("GET", "/api/me/action-items?pageSize=200", undefined, { signal, revalidate: true }).then((r) =>
        r.data.items.filter((i) => i.project),
      ),
    [],
  );
  if (writing) return <RequestForm onDone={(id) => (id ? (location.hash = projectHash(id)) : setWriting(false))} />;
  return (
    <>
      <div className="row" style={{ justifyContent: "space-between" }}>
        <Text as="h2" weight="semibold" size={400}>
          {t("myProjects")}
        </Text>
        <Button size="small" appearance="primary" icon={<AddRegular />} onClick={() => setWriting(true)}>
          {t("newRequest")}
        </Button>
      </div>
      {projects.error ? <ProblemBar error={projects.error} onRetry={projects.reload} /> : null}
      {!projects.data && !projects.error ? <Spinner size="small" label={t("loading")} /> : null}
      {projects.data?.length === 0 ? <p className="empty">{t("noProjects")}</p> : null}
      <ul className="plain" aria-label={t("myProjects")}>
        {projects.data?.map((p) => (
          <li key={p.id}>
            <a className="card stack project-card" href={projectHash(p.id)}>
              <span className="row" style={{ justifyContent: "space-between" }}>
                <span className="muted">{p.number}</span>
                <StateBadge state={p.state} />
              </span>
              <Text weight="semibold">{p.title}</Text>
              <span className="muted">
                {p.initiatingDepartment} · {formatDay(p.startDate)} – {formatDay(p.endDate)}
              </span>
              {p.yourParts.length > 0 ? (
                <span className="chips" aria-label={t("yourParts")}>
                  {p.yourParts.map((part) => (
                    <Badge key={part} appearance="outline" color="brand" size="small">
                      {t(`part.${part}`)}
                    </Badge>
                  ))}
                </span>
              ) : null}
            </a>
          </li>
        ))}
      </ul>
      <Text as="h2" weight="semibold" size={400}>
        {t("myProjectTasks")}
      </Text>
      {tasks.error ? <ProblemBar error={tasks.error} onRetry={tasks.reload} /> : null}
      {tasks.data?.length === 0 ? <p className="empty">{t("noProjectTasks")}</p> : null}
      <ul className="plain" aria-label={t("myProjectTasks")}>
        {tasks.data?.map((i) => (
          <li key={i.id} className="card stack">
            <Text weight="semibold">{i.title}</Text>
            <span className="muted">
              {i.dueDate ? t("dueOn", { date: formatDay(i.dueDate) }) : t("noDue")} · <a href={projectHash(i.project!.id)}>{i.project!.number}</a>
            </span>
            {i.isOverdue ? (
              <Badge appearance="tint" color="danger">
                {t("filter.overdue")}
              </Badge>
            ) : null}
          </li>
        ))}
      </ul>
      <a className="pane-link" href={paneLink("items")}>
        {t("myItems")}
      </a>
      {isTenantAdmin(session) ? (
        <a className="pane-link" href="#departments">
          {t("departmentsTitle")}
        </a>
      ) : null}
    </>
  );
}
