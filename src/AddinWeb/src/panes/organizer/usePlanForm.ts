import { useEffect, useRef, useState } from "react";
import { callApi } from "../../api";
import { language } from "../../i18n";
import { fieldOf, toBody, type Finding, type Plan, type Verdict } from "./plan";

/**
 * The plan being edited and the server's verdict on it. The server stays the one authority on the rules: the pane
 * asks /validate as the organizer types (debounced) and shows a field's error only once that field was touched or
 * the organizer tried to send, so an empty form does not greet anyone with errors.
 */
export function usePlanForm(initial: Plan) {
  const [plan, setPlan] = useState(initial);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const round = useRef(0);

  useEffect(() => {
    const mine = ++round.current;
    const timer = setTimeout(() => {
      callApi<Verdict>("POST", "/api/meetings/validate", toBody(plan, language())).then(
        ({ data }) => {
          if (round.current === mine) setVerdict(data);
        },
        () => {
          /* the send itself will show the problem; a failed check must not block typing */
        },
      );
    }, 350);
    return () => clearTimeout(timer);
  }, [plan]);

  const shown = (f: Finding) => submitted || touched.has(fieldOf(f.field));
  /** The verdict on the plan as it is now (a send must not act on a verdict the debounce has not caught up with). */
  const check = async (): Promise<Verdict | null> => {
    const mine = ++round.current;
    try {
      const { data } = await callApi<Verdict>("POST", "/api/meetings/validate", toBody(plan, language()));
      if (round.current === mine) setVerdict(data);
      return data;
    } catch {
      return null; // the send itself will say what is wrong
    }
  };
  return {
    plan,
    verdict,
    submitted,
    check,
    update: (change: (p: Plan) => Plan) => setPlan((p) => change(p)),
    reset: (next: Plan) => {
      setPlan(next);
      setTouched(new Set());
      setSubmitted(false);
      setVerdict(null);
    },
    touch: (field: string) => setTouched((t) => (t.has(field) ? t : new Set(t).add(field))),
    submit: () => setSubmitted(true),
    /** The first error to show for a form field ("subject", "when", "agenda[0].topic"). */
    error: (field: string): string | undefined => verdict?.errors.find((f) => fieldOf(f.field) === field && shown(f))?.message,
    shownErrors: (): Finding[] => verdict?.errors.filter(shown) ?? [],
  };
}

export type PlanForm = ReturnType<typeof usePlanForm>;
