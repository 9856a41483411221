import { useTranslation } from "react-i18next";

/** The agenda's minutes against the meeting's length: a bar that turns red past the end. */
export function TimeBudget({ planned, length }: { planned: number; length: number }) {
  const { t } = useTranslation();
  const share = length <= 0 ? 100 : Math.min(100, (planned / length) * 100);
  const over = planned - length;
  return (
    <div className="stack" style={{ gap: 4 }}>
      <span id="budget-label" className="muted">
        {t("timeBudget")}: {t("minutesOf", { planned, length })}
        {over > 0 ? ` · ${t("overBudget", { over })}` : ""}
      </span>
      <div className="budget-track" role="progressbar" aria-labelledby="budget-label" aria-valuemin={0} aria-valuemax={length} aria-valuenow={planned}>
        <div className={`budget-fill${over > 0 ? " over" : ""}`} style={{ width: `${share}%` }} />
      </div>
    </div>
  );
}
