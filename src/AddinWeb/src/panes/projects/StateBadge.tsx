import { Badge } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import type { ProjectState } from "./model";

const COLORS = { draft: "subtle", submitted: "warning", returned: "danger", active: "brand", closed: "success" } as const;

export function StateBadge({ state }: { state: ProjectState }) {
  const { t } = useTranslation();
  return (
    <Badge appearance="tint" color={COLORS[state] === "subtle" ? "informative" : COLORS[state]}>
      {t(`projectState.${state}`)}
    </Badge>
  );
}
