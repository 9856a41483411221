import { startPane } from "../app/Shell";
import { HomePane } from "../panes/home/HomePane";

void startPane("appName", HomePane);
