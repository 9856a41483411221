import { startPane } from "../app/Shell";
import { ItemsPane } from "../panes/items/ItemsPane";

void startPane("myItems", ItemsPane);
