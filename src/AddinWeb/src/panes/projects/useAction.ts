import { useState } from "react";

/** One button's call: busy while it runs, its failure kept for a ProblemBar, then what to do with the answer. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const run = async <T>(call: () => Promise<T>, then?: (value: T) => void): Promise<boolean> => {
    setBusy(true);
    setError(undefined);
    try {
      const value = await call();
      then?.(value);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run, clear: () => setError(undefined) };
}
