import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { AgendaEditor } from "./AgendaEditor";
import { emptyPlan, type Plan } from "./plan";

function Harness({ start, error = () => undefined }: { start: Plan; error?: (f: string) => string | undefined }) {
  const [plan, setPlan] = useState(start);
  return (
    <>
      <AgendaEditor plan={plan} error={error} touch={() => {}} onChange={(agenda) => setPlan({ ...plan, agenda })} />
      <output data-testid="order">{plan.agenda.map((a) => a.topic).join("|")}</output>
    </>
  );
}

const plan = (minutes: number, ...topics: Array<[string, number]>): Plan => ({
  ...emptyPlan({ email: "alice@contoso.example", name: "Alice Wang" }, new Date(2026, 10, 29)),
  minutes,
  agenda: topics.map(([topic, plannedMinutes], i) => ({
    key: `k${i}`,
    topic,
    discussion: "",
    owner: "alice@contoso.example",
    plannedMinutes,
    expectedOutput: "",
  })),
});

describe("the agenda editor and its time budget", () => {
  it("adds an item that opens for editing, owned by the first attendee, and counts it in the budget", () => {
    render(<Harness start={plan(60)} />);
    fireEvent.click(screen.getByRole("button", { name: "Add agenda item" }));
    const item = screen.getByRole("listitem", { name: "Agenda item 1" });
    expect(within(item).getByRole("textbox", { name: /Topic/ })).toBeTruthy();
    expect((within(item).getByRole("combobox", { name: "Owner" }) as HTMLSelectElement).value).toBe("alice@contoso.example");
    const bar = screen.getByRole("progressbar");
    expect(bar.getAttribute("aria-valuenow")).toBe("15");
    expect(bar.getAttribute("aria-valuemax")).toBe("60");
  });

  it("reorders with up and down, and the first cannot go up nor the last down", () => {
    render(<Harness start={plan(60, ["Budget", 10], ["Hiring", 10], ["Risks", 10])} />);
    expect((screen.getByRole("button", { name: "Move “Budget” up" }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByRole("button", { name: "Move “Risks” down" }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "Move “Risks” up" }));
    expect(screen.getByTestId("order").textContent).toBe("Budget|Risks|Hiring");
    fireEvent.click(screen.getByRole("button", { name: "Move “Budget” down" }));
    expect(screen.getByTestId("order").textContent).toBe("Risks|Budget|Hiring");
  });

  it("says by how much the agenda overruns the meeting and marks the bar", () => {
    const { container } = render(<Harness start={plan(30, ["Budget", 20], ["Hiring", 25])} />);
    expect(screen.getByText(/45 of 30 minutes planned/).textContent).toContain("15 minutes more than the meeting lasts");
    expect(container.querySelector(".budget-fill.over")).not.toBeNull();
  });

  it("opens a collapsed item that has a problem, with the server's message under the field", () => {
    render(<Harness start={plan(60, ["", 10])} error={(f) => (f === "agenda[0].topic" ? "Give the topic." : undefined)} />);
    const item = screen.getByRole("listitem", { name: "Agenda item 1" });
    expect(within(item).getByText("Give the topic.")).toBeTruthy();
  });

  it("removes an item and the budget follows", () => {
    render(<Harness start={plan(60, ["Budget", 20], ["Hiring", 25])} />);
    fireEvent.click(screen.getByRole("button", { name: "Remove Budget" }));
    expect(screen.getByTestId("order").textContent).toBe("Hiring");
    expect(screen.getByRole("progressbar").getAttribute("aria-valuenow")).toBe("25");
  });
});
