import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api";

/**
 * A failure as a person can act on it: the API's own title and detail (already in their language), its per-field
 * messages without field code names, "Try again" for a network failure, "Sign in again" for an ended session.
 */
export function ProblemBar({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let title: string;
  let lines: string[] = [];
  let retry = onRetry;
  if (error instanceof ApiError && error.kind === "network") {
    title = t("networkTitle");
    lines = [t("networkDetail")];
  } else if (error instanceof ApiError && error.kind === "session") {
    title = t("sessionEnded");
    retry = undefined; // the shell shows the sign-in prompt
  } else if (error instanceof ApiError) {
    title = error.problem.title;
    lines = [error.problem.detail, ...Object.values(error.problem.errors ?? {}).flat()].filter((l): l is string => !!l && l !== title);
    if (error.status < 500 && error.status !== 429) retry = undefined; // asking again would get the same answer
  } else {
    title = t("unexpected");
  }
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {lines.length === 1 ? ` ${lines[0]}` : null}
        {lines.length > 1 ? (
          <ul className="problem-lines">
            {lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      {retry ? (
        <MessageBarActions>
          <Button size="small" onClick={retry}>
            {t("retry")}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

export function Notice({ intent, children }: { intent: "success" | "info" | "warning"; children: React.ReactNode }) {
  return (
    <MessageBar intent={intent} layout="multiline" role={intent === "warning" ? "alert" : "status"}>
      <MessageBarBody>{children}</MessageBarBody>
    </MessageBar>
  );
}
