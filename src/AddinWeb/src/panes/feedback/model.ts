export const QUESTIONS = ["goalReached", "agendaKept", "timeWellUsed"] as const;
export type Question = (typeof QUESTIONS)[number];

export interface MyFeedback {
  goalReached: number;
  agendaKept: number;
  timeWellUsed: number;
  comment: string | null;
  answeredAt: string;
}

export interface FeedbackSummary {
  meetingId: string;
  subject: string;
  answers: number;
  invited: number;
  minAnswers: number;
  scores: (Record<Question, number> & { overall: number }) | null;
  distribution: Record<Question, number[]> | null;
  comments: string[] | null;
}

export interface MeetingBrief {
  id: string;
  subject: string;
  startUtc: string;
  iAmOrganizer: boolean;
  inviteState: string;
}

export interface MeetingDetails {
  subject: string;
  startUtc: string;
  organizer: { email: string };
  invite: { state: string };
}

/** The meeting id from the link (?meeting=…), and the score the mail's one click already gave (&goal=1…5). */
export function fromLink(search: string): { meeting: string | null; goal: number | null } {
  const query = new URLSearchParams(search);
  const meeting = /^[0-9a-f-]{36}$/i.test(query.get("meeting") ?? "") ? query.get("meeting")!.toLowerCase() : null;
  const goal = Number(query.get("goal"));
  return { meeting, goal: Number.isInteger(goal) && goal >= 1 && goal <= 5 ? goal : null };
}
