import { startPane } from "../app/Shell";
import { DecisionsPane } from "../panes/decisions/DecisionsPane";

void startPane("decisionsTitle", DecisionsPane);
