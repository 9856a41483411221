import { t } from "../i18n";
import { startPane } from "../shell";
import { h, replace } from "../ui";

void startPane(() => t("appName"), ({ root }) => {
  replace(root, h("nav", { "aria-label": t("appName") }, h("ul", {},
    h("li", {}, h("a", { href: "/organizer.html" }, t("planMeeting"))),
    h("li", {}, h("a", { href: "/minutes.html" }, t("minutesTitle"))),
    h("li", {}, h("a", { href: "/items.html" }, t("myItems"))))));
});
