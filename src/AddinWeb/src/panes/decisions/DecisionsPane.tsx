import { Badge, Button, SearchBox, Spinner, Tab, TabList } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { callApi } from "../../api";
import { ProblemBar } from "../../app/Problem";
import { useLoad } from "../../app/useLoad";
import { DecisionCard } from "./DecisionCard";
import { searchPath, VIEWS, type Decision, type DecisionPage, type View } from "./model";

/**
 * The decision register (决议台账): every decision of the meetings I organize or attend, searchable, with where it
 * stands and the action items that carry it out. Owners and the people running the meeting keep it up to date here.
 */
export function DecisionsPane() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>("standing");
  const [typed, setTyped] = useState("");
  const [text, setText] = useState("");
  const [more, setMore] = useState<Decision[]>([]);
  const [page, setPage] = useState(1);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>();
  // Opened from a meeting of a series: that series' decisions, until the reader asks for all.
  const [series, setSeries] = useState(() => new URLSearchParams(location.search).get("series"));

  useEffect(() => {
    const wait = setTimeout(() => setText(typed), 300); // search as people type, not on every key
    return () => clearTimeout(wait);
  }, [typed]);
  const first = useLoad(
    (signal) => {
      setMore([]);
      setPage(1);
      return callApi<DecisionPage>("GET", searchPath(view, text, 1, series), undefined, { signal }).then((r) => r.data);
    },
    [view, text, series],
  );

  const loadMore = async () => {
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = (await callApi<DecisionPage>("GET", searchPath(view, text, page + 1, series))).data;
      setMore([...more, ...next.decisions]);
      setPage(page + 1);
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  };

  const decisions = [...(first.data?.decisions ?? []), ...more];
  const replace = (next: Decision) => {
    if (first.data?.decisions.some((d) => d.id === next.id))
      first.set({ ...first.data, decisions: first.data.decisions.map((d) => (d.id === next.id ? next : d)) });
    else setMore(more.map((d) => (d.id === next.id ? next : d)));
  };

  return (
    <>
      {series ? (
        <div style={{ display: "flex", alignItems: "center", gap: 8, flexWrap: "wrap" }}>
          <span className="muted">{t("seriesDecisionsOnly")}</span>
          <Button size="small" appearance="subtle" onClick={() => setSeries(null)}>
            {t("showAllDecisions")}
          </Button>
        </div>
      ) : null}
      <SearchBox value={typed} onChange={(_, d) => setTyped(d.value)} placeholder={t("decisionSearch")} aria-label={t("decisionSearch")} size="medium" />
      <TabList size="small" style={{ flexWrap: "wrap" }} selectedValue={view} onTabSelect={(_, d) => setView(d.value as View)} aria-label={t("filters")}>
        {VIEWS.map((v) => (
          <Tab key={v} value={v}>
            {t(`decisionView.${v}`)}
            {v === view && first.data ? (
              <>
                {" "}
                <Badge size="small" appearance="tint" color="informative">
                  {first.data.total}
                </Badge>
              </>
            ) : null}
          </Tab>
        ))}
      </TabList>
      {first.error ? <ProblemBar error={first.error} onRetry={first.reload} /> : null}
      {!first.data && !first.error ? <Spinner size="small" label={t("loading")} /> : null}
      {first.data && decisions.length === 0 ? <p className="empty">{text.trim() ? t("decisionsNoMatch") : t(`decisionsEmpty.${view}`)}</p> : null}
      {decisions.length > 0 ? (
        <ul className="plain" aria-label={t(`decisionView.${view}`)} aria-busy={first.loading}>
          {decisions.map((d) => (
            <li key={d.id}>
              <DecisionCard decision={d} onChange={replace} />
            </li>
          ))}
        </ul>
      ) : null}
      {moreError ? <ProblemBar error={moreError} onRetry={() => void loadMore()} /> : null}
      {first.data && decisions.length < first.data.total ? (
        <div>
          <Button size="small" disabled={loadingMore} icon={loadingMore ? <Spinner size="tiny" /> : undefined} onClick={() => void loadMore()}>
            {t("showMore", { count: first.data.total - decisions.length })}
          </Button>
        </div>
      ) : null}
      <a className="pane-link" href={`/items.html${location.search}`}>
        {t("myItems")}
      </a>
    </>
  );
}
