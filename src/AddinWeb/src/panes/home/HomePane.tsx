import { Text } from "@fluentui/react-components";
import { CalendarAddRegular } from "@fluentui/react-icons/svg/calendar-add";
import { DocumentTextRegular } from "@fluentui/react-icons/svg/document-text";
import { GavelRegular } from "@fluentui/react-icons/svg/gavel";
import { PeopleTeamRegular } from "@fluentui/react-icons/svg/people-team";
import { StarRegular } from "@fluentui/react-icons/svg/star";
import { TaskListLtrRegular } from "@fluentui/react-icons/svg/task-list-ltr";
import { useTranslation } from "react-i18next";

/** The start page: the three panes, each with what it is for. Query (language, theme) carries over. */
export function HomePane() {
  const { t } = useTranslation();
  const keep = location.search;
  const tiles = [
    { href: "/organizer.html", title: t("planMeeting"), text: t("homePlan"), icon: <CalendarAddRegular aria-hidden /> },
    { href: "/minutes.html", title: t("minutesTitle"), text: t("homeMinutes"), icon: <DocumentTextRegular aria-hidden /> },
    { href: "/items.html", title: t("myItems"), text: t("homeItems"), icon: <TaskListLtrRegular aria-hidden /> },
    { href: "/decisions.html", title: t("decisionsTitle"), text: t("homeDecisions"), icon: <GavelRegular aria-hidden /> },
    { href: "/projects.html", title: t("projectsTitle"), text: t("homeProjects"), icon: <PeopleTeamRegular aria-hidden /> },
    { href: "/feedback.html", title: t("feedbackTitle"), text: t("homeFeedback"), icon: <StarRegular aria-hidden /> },
  ];
  return (
    <>
      <Text>{t("homeIntro")}</Text>
      <nav aria-label={t("appName")} className="tiles">
        {tiles.map((tile) => (
          <a key={tile.href} className="card tile" href={tile.href + keep}>
            {tile.icon}
            <span className="stack" style={{ gap: 2 }}>
              <Text weight="semibold">{tile.title}</Text>
              <span className="muted">{tile.text}</span>
            </span>
          </a>
        ))}
      </nav>
    </>
  );
}
