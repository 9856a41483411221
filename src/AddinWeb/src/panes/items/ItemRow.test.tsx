import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ItemRow } from "./ItemRow";
import { filterOf, type Item } from "./model";

const item = (over: Partial<Item> = {}): Item => ({
  id: "3f1c9e62-1111-4a4a-9b9b-000000000001",
  meetingId: "m",
  meetingSubject: "Q3 launch plan",
  title: "Draft the campaign",
  dueDate: "2026-12-10",
  status: "open",
  needsHelp: false,
  needsHelpReason: null,
  progressNote: null,
  improvement: false,
  isOverdue: false,
  version: 3,
  owner: { email: "carol@contoso.example", displayName: "Carol Zhang" },
  ...over,
});

function answer(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } }));
}

afterEach(() => vi.unstubAllGlobals());

/** The list around a row: it keeps whatever version the row reports (theirs on a conflict, the saved one after). */
function Harness({ start }: { start: Item }) {
  const [shown, setShown] = useState(start);
  return <ItemRow item={shown} onChange={setShown} />;
}

describe("an action item row", () => {
  it("shows the help reason only while 'I need help' is on", () => {
    render(<ItemRow item={item()} onChange={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Progress and help" }));
    expect(screen.queryByRole("textbox", { name: /What help do you need/ })).toBeNull();
    fireEvent.click(screen.getByRole("switch", { name: "I need help" }));
    expect(screen.getByRole("textbox", { name: /What help do you need/ })).toBeTruthy();
  });

  it("on a stale save shows their version and applies mine on top of it with their version's ETag", async () => {
    const theirs = item({ progressNote: "Alice: agency booked", version: 4 });
    const fetch = vi
      .fn()
      .mockReturnValueOnce(answer(412, { status: 412, title: "Changed by someone else", current: theirs }))
      .mockReturnValueOnce(answer(200, { ...theirs, progressNote: "Draft sent", version: 5 }));
    vi.stubGlobal("fetch", fetch);
    render(<Harness start={item()} />);
    fireEvent.click(screen.getByRole("button", { name: "Progress and help" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Progress note" }), { target: { value: "Draft sent" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByRole("alert").textContent).toContain("Alice: agency booked"));
    expect(fetch.mock.calls[0][1].headers["If-Match"]).toBe('"3"');
    fireEvent.click(screen.getByRole("button", { name: "Apply mine on top" }));
    await waitFor(() => expect(screen.getByText("Saved.")).toBeTruthy());
    expect(fetch.mock.calls[1][1].headers["If-Match"]).toBe('"4"');
    expect(JSON.parse(fetch.mock.calls[1][1].body).progressNote).toBe("Draft sent");
  });

  it("keeps theirs when asked, putting their values back into the form", async () => {
    const theirs = item({ progressNote: "Alice: agency booked", version: 4 });
    vi.stubGlobal("fetch", vi.fn().mockReturnValueOnce(answer(412, { status: 412, title: "Changed", current: theirs })));
    render(<Harness start={item()} />);
    fireEvent.click(screen.getByRole("button", { name: "Progress and help" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Progress note" }), { target: { value: "Mine" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => screen.getByRole("button", { name: "Keep theirs" }));
    fireEvent.click(screen.getByRole("button", { name: "Keep theirs" }));
    expect((screen.getByRole("textbox", { name: "Progress note" }) as HTMLTextAreaElement).value).toBe("Alice: agency booked");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("saves a note typed before the list was refreshed against the version it was typed on, so their change is not overwritten", async () => {
    const theirs = item({ progressNote: "Alice: agency booked", version: 4 });
    const fetch = vi.fn().mockReturnValueOnce(answer(412, { status: 412, title: "Changed by someone else", current: theirs }));
    vi.stubGlobal("fetch", fetch);
    const { rerender } = render(<ItemRow item={item()} onChange={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Progress and help" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Progress note" }), { target: { value: "Draft sent" } });
    rerender(<ItemRow item={theirs} onChange={() => {}} />); // the pane looked at again: the list now has their version
    expect((screen.getByRole("textbox", { name: "Progress note" }) as HTMLTextAreaElement).value).toBe("Draft sent");
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    expect(fetch.mock.calls[0][1].headers["If-Match"]).toBe('"3"');
  });

  it("an untouched form follows a refreshed list, and saves against the newer version", async () => {
    const theirs = item({ progressNote: "Alice: agency booked", version: 4 });
    const fetch = vi.fn().mockReturnValueOnce(answer(200, { ...theirs, needsHelp: true, needsHelpReason: "Budget", version: 5 }));
    vi.stubGlobal("fetch", fetch);
    const { rerender } = render(<ItemRow item={item()} onChange={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Progress and help" }));
    rerender(<ItemRow item={theirs} onChange={() => {}} />);
    expect((screen.getByRole("textbox", { name: "Progress note" }) as HTMLTextAreaElement).value).toBe("Alice: agency booked");
    fireEvent.click(screen.getByRole("switch", { name: "I need help" }));
    fireEvent.change(screen.getByRole("textbox", { name: /What help do you need/ }), { target: { value: "Budget" } });
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByText("Saved.")).toBeTruthy());
    expect(fetch.mock.calls[0][1].headers["If-Match"]).toBe('"4"');
    expect(JSON.parse(fetch.mock.calls[0][1].body).progressNote).toBe("Alice: agency booked");
  });

  it("after my own one-click status change, the note I then save goes on top of it, not into a conflict with myself", async () => {
    const fetch = vi
      .fn()
      .mockReturnValueOnce(answer(200, item({ status: "done", version: 4 })))
      .mockReturnValueOnce(answer(200, item({ status: "done", progressNote: "Sent to Sales", version: 5 })));
    vi.stubGlobal("fetch", fetch);
    render(<Harness start={item()} />);
    fireEvent.click(screen.getByRole("button", { name: "Progress and help" }));
    fireEvent.change(screen.getByRole("textbox", { name: "Progress note" }), { target: { value: "Sent to Sales" } });
    fireEvent.click(screen.getByRole("button", { name: "Mark “Draft the campaign” done" }));
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByRole("button", { name: "Mark “Draft the campaign” done" })).toBeNull());
    fireEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.getByText("Saved.")).toBeTruthy());
    expect(fetch.mock.calls[1][1].headers["If-Match"]).toBe('"4"');
  });

  it("files finished items under done and open ones by their due date", () => {
    const today = new Date(2026, 11, 1);
    expect(filterOf(item({ status: "done" }), today)).toBe("done");
    expect(filterOf(item({ isOverdue: true }), today)).toBe("overdue");
    expect(filterOf(item({ dueDate: "2026-12-05" }), today)).toBe("week");
    expect(filterOf(item({ dueDate: "2026-12-20" }), today)).toBe("later");
    expect(filterOf(item({ dueDate: null }), today)).toBe("later");
  });
});
