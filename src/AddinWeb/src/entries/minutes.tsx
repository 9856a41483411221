import { startPane } from "../app/Shell";
import { MinutesPane } from "../panes/minutes/MinutesPane";

void startPane("minutesTitle", MinutesPane);
