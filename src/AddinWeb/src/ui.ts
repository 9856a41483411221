import { ApiError } from "./api";
import { t } from "./i18n";

type Child = Node | string | null | undefined | false;

/** Builds an element. Text is always set as text, never as HTML: nothing typed by a person becomes markup. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean | number | undefined | ((e: Event) => void)> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, "").toLowerCase(), value);
    else if (value === true) element.setAttribute(name, "");
    else element.setAttribute(name, String(value));
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

let ids = 0;
/** A labelled form field: the label names the control for screen readers and for tests. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, hint?: string): HTMLElement {
  control.id ||= `f${++ids}`;
  const wrapper = h("div", { class: "field" }, h("label", { for: control.id }, label), control);
  if (hint) {
    const hintId = `${control.id}-hint`;
    control.setAttribute("aria-describedby", hintId);
    wrapper.append(h("div", { class: "hint", id: hintId }, hint));
  }
  return wrapper;
}

export const spinner = (label: string): HTMLElement => h("div", { class: "spinner", role: "status" }, h("span", { class: "ring", "aria-hidden": "true" }), label);

/** Runs work behind a button: disabled while it runs, and a spinner if it takes longer than ~300 ms. */
export async function busy<T>(button: HTMLButtonElement, label: string, work: () => Promise<T>): Promise<T> {
  const text = button.textContent;
  button.disabled = true;
  const timer = setTimeout(() => { button.textContent = ""; button.append(spinner(label)); }, 300);
  try {
    return await work();
  } finally {
    clearTimeout(timer);
    button.disabled = false;
    button.textContent = text;
  }
}

/** An error as a person can act on it: the problem's title and detail, and per-field messages. */
export function errorView(error: unknown): HTMLElement {
  const box = h("div", { class: "message error", role: "alert" });
  if (error instanceof ApiError) {
    box.append(h("strong", {}, error.problem.title));
    if (error.problem.detail) box.append(h("p", {}, error.problem.detail));
    for (const [name, messages] of Object.entries(error.problem.errors ?? {}))
      box.append(h("p", {}, `${name ? name + ": " : ""}${messages.join(" ")}`));
  } else {
    box.append(h("strong", {}, error instanceof Error ? error.message : String(error)));
  }
  return box;
}

export const message = (kind: "info" | "success" | "warning", text: string): HTMLElement =>
  h("div", { class: `message ${kind}`, role: kind === "warning" ? "alert" : "status" }, text);

export const empty = (text: string): HTMLElement => h("p", { class: "empty" }, text);

export function replace(target: HTMLElement, ...children: Child[]): void {
  target.replaceChildren(...children.filter((c): c is Node | string => !!c));
}

export const statusLabel = (status: string): string => t(`status.${status}` as Parameters<typeof t>[0]);
