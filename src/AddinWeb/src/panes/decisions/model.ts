import type { Status as ItemStatus } from "../items/model";

export type DecisionStatus = "agreed" | "inProgress" | "implemented" | "revoked" | "superseded";

export interface LinkedItem {
  id: string;
  title: string;
  owner: { email: string; displayName: string };
  dueDate: string | null;
  status: ItemStatus;
}

export interface Decision {
  id: string;
  meetingId: string;
  meetingSubject: string;
  meetingStart: string;
  text: string;
  owner: { email: string; displayName: string } | null;
  dueDate: string | null;
  status: DecisionStatus;
  supersededById: string | null;
  items: LinkedItem[];
  itemsDone: number;
  canChange: boolean;
  version: number;
}

export interface DecisionPage {
  decisions: Decision[];
  page: number;
  pageSize: number;
  total: number;
}

/** What the list shows: decisions still to carry out first; "superseded" is set from the API with the replacing decision. */
export type View = "standing" | "implemented" | "closed" | "all";
export const VIEWS: View[] = ["standing", "implemented", "closed", "all"];
export const STATUSES_OF: Record<View, DecisionStatus[]> = {
  standing: ["agreed", "inProgress"],
  implemented: ["implemented"],
  closed: ["revoked", "superseded"],
  all: [],
};

/** The statuses a person picks in the pane; superseding needs the replacing decision, so it is not among them. */
export const PICKABLE: DecisionStatus[] = ["agreed", "inProgress", "implemented", "revoked"];

export const STATUS_COLOR: Record<DecisionStatus, "informative" | "brand" | "success" | "subtle" | "warning"> = {
  agreed: "informative",
  inProgress: "brand",
  implemented: "success",
  revoked: "subtle",
  superseded: "warning",
};

export function searchPath(view: View, text: string, page: number, series: string | null = null, pageSize = 20): string {
  const query = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (series) query.set("seriesId", series);
  if (STATUSES_OF[view].length > 0) query.set("status", STATUSES_OF[view].join(","));
  if (text.trim()) query.set("q", text.trim());
  return `/api/decisions?${query.toString()}`;
}
