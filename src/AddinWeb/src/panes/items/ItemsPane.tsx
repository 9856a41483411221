import { Badge, Spinner, Tab, TabList } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError, callApi } from "../../api";
import { ProblemBar, Notice } from "../../app/Problem";
import { usePane } from "../../app/Shell";
import { useLoad } from "../../app/useLoad";
import { ItemRow } from "./ItemRow";
import { MeetingSection } from "./MeetingSection";
import { FILTERS, filterOf, firstFilter, type Filter, type Item } from "./model";

const linkedId = (): string | null => /^#item=([0-9a-f-]{36})$/i.exec(location.hash)?.[1]?.toLowerCase() ?? null;

/** My action items: compact rows in four lists (overdue, this week, later, done); #item={id} opens one item. */
export function ItemsPane() {
  const { t } = useTranslation();
  const { host } = usePane();
  const [link, setLink] = useState(linkedId());
  useEffect(() => {
    const follow = () => setLink(linkedId());
    addEventListener("hashchange", follow);
    return () => removeEventListener("hashchange", follow);
  }, []);
  const load = (signal?: AbortSignal) =>
    callApi<{ items: Item[] }>("GET", "/api/me/action-items?pageSize=200", undefined, { signal, revalidate: true }).then((r) => r.data.items);
  const mine = useLoad(load, []);
  // Back to the pane (Outlook keeps a pinned pane open for hours): ask again, quietly. An unchanged list is a 304 and
  // the same array, so nothing re-renders; a changed one updates the rows, whose forms keep what was typed (ItemRow);
  // a failed check (offline for a moment) leaves the list as it was instead of replacing it with an error.
  const { set } = mine;
  useEffect(() => {
    const back = () => {
      if (document.visibilityState === "visible") load().then(set, () => undefined);
    };
    document.addEventListener("visibilitychange", back);
    return () => document.removeEventListener("visibilitychange", back);
  }, [set]);
  // A linked item that is not on my list (an organizer following up, a department contact): loaded on its own.
  const linked = useLoad(
    async (signal) => {
      if (!link || !mine.data || mine.data.some((i) => i.id === link)) return null;
      try {
        return (await callApi<Item>("GET", `/api/action-items/${link}`, undefined, { signal })).data;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return "missing" as const;
        throw error;
      }
    },
    [link, mine.data === undefined],
  );
  const [filter, setFilter] = useState<Filter | null>(null);
  const items = useMemo(() => mine.data ?? [], [mine.data]);
  const linkedMine = link ? items.find((i) => i.id === link) : undefined;
  const shown: Filter = filter ?? (linkedMine ? filterOf(linkedMine) : firstFilter(items));
  const update = (next: Item) => mine.set(items.map((i) => (i.id === next.id ? next : i)));

  if (mine.error) return <ProblemBar error={mine.error} onRetry={mine.reload} />;
  if (!mine.data) return <Spinner size="small" label={t("loading")} />;
  const counts = Object.fromEntries(FILTERS.map((f) => [f, items.filter((i) => filterOf(i) === f).length])) as Record<Filter, number>;
  const list = items.filter((i) => filterOf(i) === shown);
  return (
    <>
      {host === "outlook" ? <MeetingSection /> : null}
      {link && linked.data === "missing" ? <Notice intent="warning">{t("linkedMissing")}</Notice> : null}
      {linked.error ? <ProblemBar error={linked.error} onRetry={linked.reload} /> : null}
      {linked.data && linked.data !== "missing" ? (
        <section className="stack" aria-labelledby="linked">
          <h2 id="linked">{t("linkedItem")}</h2>
          <ItemRow item={linked.data} linked startOpen onChange={(i) => linked.set(i)} />
        </section>
      ) : null}
      <section className="stack" aria-labelledby="mine">
        <h2 id="mine" className="sr-only">
          {t("myItems")}
        </h2>
        {items.length === 0 ? (
          <p className="empty">{t("noItems")}</p>
        ) : (
          <>
            <TabList
              size="small"
              style={{ flexWrap: "wrap" }}
              selectedValue={shown}
              onTabSelect={(_, d) => setFilter(d.value as Filter)}
              aria-label={t("filters")}
            >
              {FILTERS.map((f) => (
                <Tab key={f} value={f}>
                  {t(`filter.${f}`)}{" "}
                  <Badge
                    size="small"
                    appearance={f === "overdue" && counts[f] > 0 ? "filled" : "tint"}
                    color={f === "overdue" && counts[f] > 0 ? "danger" : "informative"}
                  >
                    {counts[f]}
                  </Badge>
                </Tab>
              ))}
            </TabList>
            {list.length === 0 ? (
              <p className="empty">{t(`empty.${shown}`)}</p>
            ) : (
              <ul className="plain" aria-label={t(`filter.${shown}`)}>
                {list.map((i) => (
                  <li key={i.id}>
                    <ItemRow item={i} onChange={update} linked={i.id === link} startOpen={i.id === link} />
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </section>
      <nav className="actions" aria-label={t("appName")}>
        <a className="pane-link" href={`/decisions.html${location.search}`}>
          {t("decisionsTitle")}
        </a>
        <a className="pane-link" href={`/projects.html${location.search}`}>
          {t("projectsTitle")}
        </a>
        <a className="pane-link" href={`/feedback.html${location.search}`}>
          {t("feedbackTitle")}
        </a>
      </nav>
    </>
  );
}
