import { useEffect, useState } from "react";
import { DepartmentsAdmin } from "./DepartmentsAdmin";
import { ProjectList } from "./ProjectList";
import { ProjectPage } from "./ProjectPage";

/** What the hash asks for: a project (#project=…), the tenant admin's departments (#departments), or the list. */
const placeInHash = (): string | null => (location.hash === "#departments" ? "departments" : new URLSearchParams(location.hash.slice(1)).get("project"));

/**
 * Collaboration projects (协作项目): my projects and my tasks across them, a new request, and a project's page —
 * request and review, responsibilities, milestones, issues, risks, acceptance, documents. The page is in the hash
 * (#project=…), so mails and "My action items" link straight to it and the browser's back goes to the list.
 */
export function ProjectsPane() {
  const [place, setPlace] = useState(placeInHash);
  useEffect(() => {
    const follow = () => setPlace(placeInHash());
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  if (place === "departments") return <DepartmentsAdmin />;
  return place ? <ProjectPage key={place} id={place} /> : <ProjectList />;
}
