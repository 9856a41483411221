import { Spinner, Tab, TabList, Text } from "@fluentui/react-components";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { AcceptanceTab } from "./AcceptanceTab";
import { DocumentsTab } from "./DocumentsTab";
import { IssuesTab } from "./IssuesTab";
import { MilestonesTab } from "./MilestonesTab";
import { base, type Project } from "./model";
import { Overview } from "./Overview";
import { RequestForm } from "./RequestForm";
import { RisksTab } from "./RisksTab";
import { StateBadge } from "./StateBadge";
import { TasksTab } from "./TasksTab";
import { BackToProjects } from "./BackToProjects";

const TABS = ["overview", "tasks", "milestones", "issues", "risks", "acceptance", "documents"] as const;
type TabName = (typeof TABS)[number];

/** One project: its header, and a tab per part. Before approval only the request is there to see. */
export function ProjectPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<TabName>("overview");
  const [editing, setEditing] = useState(false);
  const project = useLoad((signal) => callApi<Project>("GET", base(id), undefined, { signal }).then((r) => r.data), [id]);
  const p = project.data;
  if (editing && p)
    return (
      <RequestForm
        project={p}
        onDone={() => {
          setEditing(false);
          project.reload();
        }}
      />
    );
  const running = p?.state === "active" || p?.state === "closed";
  return (
    <>
      <BackToProjects />
      {project.error ? <ProblemBar error={project.error} onRetry={project.reload} /> : null}
      {!p && !project.error ? <Spinner size="small" label={t("loading")} /> : null}
      {p ? (
        <>
          <div className="stack" style={{ gap: 2 }}>
            <span className="row" style={{ justifyContent: "space-between" }}>
              <span className="muted">{p.number}</span>
              <StateBadge state={p.state} />
            </span>
            <Text as="h2" weight="semibold" size={500}>
              {p.title}
            </Text>
            <span className="muted">
              {p.initiatingDepartment.name} · {p.initiator.displayName}
            </span>
          </div>
          {running ? (
            <TabList
              size="small"
              style={{ flexWrap: "wrap" }}
              selectedValue={tab}
              onTabSelect={(_, d) => setTab(d.value as TabName)}
              aria-label={t("projectParts")}
            >
              {TABS.map((name) => (
                <Tab key={name} value={name}>
                  {t(`projectTab.${name}`)}
                </Tab>
              ))}
            </TabList>
          ) : null}
          {tab === "overview" || !running ? <Overview project={p} onChange={(next) => project.set(next)} onEdit={() => setEditing(true)} /> : null}
          {running && tab === "tasks" ? <TasksTab project={p} /> : null}
          {running && tab === "milestones" ? <MilestonesTab project={p} /> : null}
          {running && tab === "issues" ? <IssuesTab project={p} /> : null}
          {running && tab === "risks" ? <RisksTab project={p} /> : null}
          {running && tab === "acceptance" ? <AcceptanceTab project={p} /> : null}
          {running && tab === "documents" ? <DocumentsTab project={p} /> : null}
        </>
      ) : null}
    </>
  );
}
