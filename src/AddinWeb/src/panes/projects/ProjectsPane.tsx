import { useEffect, useState } from "react";
import { ProjectList } from "./ProjectList";
import { ProjectPage } from "./ProjectPage";

const projectInHash = (): string | null => new URLSearchParams(location.hash.slice(1)).get("project");

/**
 * Collaboration projects (协作项目): my projects and my tasks across them, a new request, and a project's page —
 * request and review, responsibilities, milestones, issues, risks, acceptance, documents. The page is in the hash
 * (#project=…), so mails and "My action items" link straight to it and the browser's back goes to the list.
 */
export function ProjectsPane() {
  const [project, setProject] = useState(projectInHash);
  useEffect(() => {
    const follow = () => setProject(projectInHash());
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  return project ? <ProjectPage key={project} id={project} /> : <ProjectList />;
}
