import type { Item } from "../items/model";

// A collaboration project as the API gives it, and the shapes of its parts. Enum values arrive camelCase.

export type ProjectState = "draft" | "submitted" | "returned" | "active" | "closed";
export type DepartmentAnswer = "pending" | "agree" | "needsChanges" | "conflict";
export interface Person {
  email: string;
  displayName: string;
}
export interface DepartmentRef {
  id: string;
  name: string;
}
export interface ProjectSummary {
  id: string;
  number: string;
  title: string;
  state: ProjectState;
  initiatingDepartment: string;
  initiator: Person;
  startDate: string;
  endDate: string;
  yourParts: ProjectPart[];
}
export const PARTS = ["initiator", "head", "contact", "owner", "executive"] as const;
export type ProjectPart = (typeof PARTS)[number];
export interface Project {
  id: string;
  number: string;
  title: string;
  state: ProjectState;
  initiatingDepartment: DepartmentRef;
  initiatingHead: Person | null;
  initiator: Person;
  background: string;
  goal: string;
  scope: string;
  exclusions: string;
  expectedResults: string;
  kpis: Array<{ name: string; target: string; unit: string | null }>;
  startDate: string;
  endDate: string;
  timeZone: string;
  departments: Array<{ id: string; name: string; head: Person | null; contactEmail: string | null; response: DepartmentAnswer; comment: string | null }>;
  returnReason: string | null;
  returnComment: string | null;
  executive: Person | null;
  communication: { cadence: string | null; channels: string | null; routineContacts: string | null; majorDecisions: string | null };
  closure: { closedAt: string; wentWell: string | null; problems: string | null } | null;
  you: {
    initiator: boolean;
    initiatingHead: boolean;
    headOf: string[];
    contactOf: string[];
    executive: boolean;
    taskOwner: boolean;
    canEdit: boolean;
    canSubmit: boolean;
    canReview: boolean;
    runs: boolean;
  };
  missing: Record<string, string[]>;
  version: number;
}
export type Task = Item & {
  details: string | null;
  deliverable: string | null;
  acceptanceStandard: string | null;
  milestoneId: string | null;
  leadDepartment: DepartmentRef | null;
  cooperatingDepartments: DepartmentRef[];
  createdAt: string;
};
export interface Milestone {
  id: string;
  name: string;
  date: string;
  confirmations: Array<{ department: DepartmentRef; by: Person; at: string }>;
  awaiting: DepartmentRef[];
  confirmed: boolean;
  atRisk: boolean;
  version: number;
}
export type IssueLevel = "contacts" | "heads" | "executive";
export interface Issue {
  id: string;
  kind: string;
  title: string;
  description: string | null;
  taskId: string | null;
  departments: DepartmentRef[];
  raisedBy: Person;
  raisedAt: string;
  level: IssueLevel;
  handlers: string[];
  dueAt: string;
  overdue: boolean;
  resolution: string | null;
  steps: Array<{ number: number; at: string; level: IssueLevel; action: string; by: Person; outcome: string | null }>;
  canEscalate: boolean;
  canResolve: boolean;
  version: number;
}
export interface Risk {
  id: string;
  description: string;
  probability: "low" | "medium" | "high";
  impact: "low" | "medium" | "high";
  owner: Person;
  response: string | null;
  status: string;
  needsReview: boolean;
  canChange: boolean;
  version: number;
}
export interface Acceptance {
  id: string;
  taskId: string;
  taskTitle: string;
  round: number;
  selfChecks: Array<{ standard: string; met: boolean; evidence: string | null }>;
  submittedBy: Person;
  outcome: "pending" | "pass" | "fail" | "rework";
  comment: string | null;
  reworkWhat: string | null;
  reworkDue: string | null;
  jointlyWith: string[];
  canDecide: boolean;
  canConcur: boolean;
  version: number;
}
export interface Counts {
  total: number;
  done: number;
  onTrack: number;
  late: number;
  blocked: number;
  needsHelp: number;
}
export interface Dashboard {
  overall: Counts;
  byDepartment: Array<{ department: DepartmentRef; counts: Counts }>;
  deviations: Array<{ itemId: string; title: string; owner: Person; reason: string }>;
  figures: { onTimeCompletionRate: number | null; averageHoursToFirstUpdate: number | null };
  collaboration: { issuesRaised: number; firstPassRate: number | null; reworks: number; satisfactionAverage: number | null; satisfactionAnswers: number };
}
export interface Satisfaction {
  answers: number;
  average: number | null;
  mine: number | null;
  canRate: boolean;
}

export const FORMS = [
  "request",
  "responsibilities",
  "communication",
  "milestones",
  "tracking",
  "issues",
  "risks",
  "acceptance",
  "retrospective",
  "archive",
] as const;
export const base = (id: string): string => `/api/projects/${encodeURIComponent(id)}`;
/** The project page's address inside the pane (the hash keeps the page's query: language, theme, demo sign-in). */
export const projectHash = (id: string): string => `#project=${id}`;
export const etagOf = (version: number): string => `"${version}"`;
/** Everyone in the project who may plan work for this department: its head or contact, or who runs the project. */
export const plansFor = (p: Project, department: string | null | undefined): boolean =>
  p.you.runs || (!!department && (p.you.headOf.includes(department) || p.you.contactOf.includes(department)));
