import { startPane } from "../app/Shell";
import { FeedbackPane } from "../panes/feedback/FeedbackPane";

void startPane("feedbackTitle", FeedbackPane);
