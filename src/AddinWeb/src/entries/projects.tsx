import { startPane } from "../app/Shell";
import { ProjectsPane } from "../panes/projects/ProjectsPane";

void startPane("projectsTitle", ProjectsPane);
