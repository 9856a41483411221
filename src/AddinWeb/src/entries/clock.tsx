import { startPane } from "../app/Shell";
import { ClockPane } from "../panes/clock/ClockPane";

void startPane("clockTitle", ClockPane);
