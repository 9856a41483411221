import { Button } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons/svg/arrow-left";
import { useTranslation } from "react-i18next";

/** Back to "My projects" (the pane's list: an empty hash). */
export function BackToProjects() {
  const { t } = useTranslation();
  return (
    <div>
      <Button size="small" appearance="subtle" icon={<ArrowLeftRegular />} onClick={() => (location.hash = "")}>
        {t("myProjects")}
      </Button>
    </div>
  );
}
