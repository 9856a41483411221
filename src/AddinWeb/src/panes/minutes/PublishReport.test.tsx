import { fireEvent, render, screen, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { setLanguage } from "../../i18n";
import { minutesMeetings, type MeetingSummary, type Report } from "./model";
import { PublishReport } from "./PublishReport";

const row = (title: string, table: number, rowNumber: number) => ({ row: "ignored prose", id: `${title}-id`, title, table, rowNumber });
const report: Report = {
  created: [row("Draft the campaign", 1, 2), row("Book the venue", 1, 3)],
  updated: [{ ...row("Brief Sales", 1, 4), fields: ["dueDate", "owner"] }],
  unchanged: [],
  cancelled: [{ id: "c", title: "Old task" }],
  conflicts: [],
  skipped: [{ row: "ignored prose", reason: "No owner we know.", table: 2, rowNumber: 5 }],
  warnings: [{ location: "Decisions, row 2", message: "The date could not be read." }],
  rows: [],
};

describe("the publish report", () => {
  it("names rows by their table and row numbers, never by the prose, and translates changed field names", async () => {
    render(<PublishReport report={report} />);
    expect(screen.getByRole("heading", { name: "Created 2" })).toBeTruthy();
    expect(screen.getByText("Table 1, row 3")).toBeTruthy();
    expect(screen.getByText("changed: due date, owner")).toBeTruthy();
    expect(screen.getByText("Table 2, row 5")).toBeTruthy();
    expect(screen.queryByText("ignored prose")).toBeNull();
    expect(screen.queryByRole("heading", { name: /Unchanged/ })).toBeNull(); // empty groups are left out
    await setLanguage("zh-CN"); // the same report re-renders in the new language
    try {
      expect(await screen.findByText("第 1 个表第 3 行")).toBeTruthy();
      expect(await screen.findByText("修改：截止日期, 负责人")).toBeTruthy();
    } finally {
      await setLanguage("en-US");
    }
  });

  it("offers to show rows of the first action table in the document, by their position among action rows", () => {
    const show = vi.fn();
    render(<PublishReport report={report} onShow={show} />);
    const venue = screen.getByText("Book the venue").closest("li")!;
    fireEvent.click(within(venue).getByRole("button", { name: "Show in the document" }));
    expect(show).toHaveBeenCalledWith(1);
    const skipped = screen.getByText("No owner we know.").closest("li")!;
    expect(within(skipped).queryByRole("button")).toBeNull(); // a second table's rows are not located
  });
});

describe("the minutes meeting picker", () => {
  const m = (id: string, start: string, over: Partial<MeetingSummary> = {}): MeetingSummary => ({
    id,
    subject: id,
    startUtc: start,
    endUtc: start.replace("T10", "T11"),
    myRoles: ["noteTaker"],
    iAmOrganizer: false,
    inviteState: "sent",
    ...over,
  });
  it("puts the meeting nearest now first, leaves out cancelled ones and others' meetings, and lists each once", () => {
    const now = Date.parse("2026-12-01T10:30:00Z");
    const list = minutesMeetings(
      [
        m("last-month", "2026-11-01T10:00:00Z"),
        m("next-week", "2026-12-08T10:00:00Z"),
        m("now", "2026-12-01T10:00:00Z"),
        m("now", "2026-12-01T10:00:00Z"),
        m("cancelled", "2026-12-01T10:00:00Z", { inviteState: "cancelled" }),
        m("not-mine", "2026-12-01T10:00:00Z", { myRoles: [] }),
      ],
      now,
    );
    expect(list.map((x) => x.id)).toEqual(["now", "next-week", "last-month"]);
  });
});
