import { startPane } from "../app/Shell";
import { OrganizerPane } from "../panes/organizer/OrganizerPane";

void startPane("planMeeting", OrganizerPane);
