import "./styles.css";
import { authConfig, currentSession, demoSignIn, officeSignIn, signOut, type Session } from "./auth";
import { language, onLanguageChange, setLanguage, t } from "./i18n";
import { officeReady, type Host } from "./office";
import { errorView, field, h, replace, spinner } from "./ui";

export interface Pane { root: HTMLElement; host: Host; session: Session }

const DEMO_USERS = [
  { email: "alice@contoso.example", name: "Alice Wang", role: "organizer" },
  { email: "bob@contoso.example", name: "Bob Li", role: "note-taker" },
  { email: "chen.wei@contoso.example", name: "陈伟", role: "attendee" },
  { email: "dana@contoso.example", name: "Dana Smith", role: "attendee" },
];

/**
 * Starts a pane: waits for Office, picks the language, signs in (Office or demo mode), draws the header with the
 * language switcher, then the pane itself, and draws it again when the language changes.
 */
export async function startPane(title: () => string, render: (pane: Pane) => Promise<void> | void): Promise<void> {
  const app = document.getElementById("app")!;
  replace(app, spinner("Loading…"));
  const office = await officeReady();
  setLanguage(new URLSearchParams(location.search).get("lang") ?? office.displayLanguage);
  const main = h("main", { id: "main", tabindex: "-1" });
  const draw = async (session: Session) => {
    replace(app, header(title(), session), main);
    replace(main, spinner(t("loading")));
    try {
      await render({ root: main, host: office.host, session });
    } catch (error) {
      replace(main, errorView(error));
    }
  };
  const signIn = async () => {
    let session = currentSession();
    if (!session && office.host) {
      try {
        session = await officeSignIn(office.host, await authConfig());
      } catch (error) {
        replace(app, errorView(error));
        return;
      }
    }
    if (!session) { replace(app, demoSignInView(title(), (s) => void draw(s))); return; }
    await draw(session);
  };
  onLanguageChange(() => void signIn());
  await signIn();
}

function header(title: string, session: Session): HTMLElement {
  const switcher = h("select", { "aria-label": t("language") },
    h("option", { value: "en-US", selected: language() === "en-US" }, "English"),
    h("option", { value: "zh-CN", selected: language() === "zh-CN" }, "中文"));
  switcher.addEventListener("change", () => setLanguage(switcher.value));
  return h("header", { class: "bar" },
    h("h1", {}, title),
    h("div", { class: "who" },
      h("span", {}, `${t("signedInAs")} ${session.name}`),
      session.demo ? h("button", { type: "button", class: "link", onclick: () => { signOut(); location.reload(); } }, t("signOut")) : null,
      switcher));
}

function demoSignInView(title: string, signedIn: (s: Session) => void): HTMLElement {
  const user = h("select", {}, ...DEMO_USERS.map((u) => h("option", { value: u.email }, `${u.name} (${u.role})`)));
  const tenant = h("input", { value: "contoso", autocomplete: "off" });
  const result = h("div");
  const form = h("form", { class: "card" },
    h("h2", {}, t("demoTitle")), h("p", {}, t("demoIntro")),
    field(t("demoUser"), user), field(t("demoTenant"), tenant),
    h("button", { type: "submit", class: "primary" }, t("signIn")), result);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const chosen = DEMO_USERS.find((u) => u.email === user.value)!;
    try {
      signedIn(await demoSignIn(chosen.email, chosen.name, tenant.value.trim()));
    } catch (error) {
      replace(result, errorView(error));
    }
  });
  return h("div", {}, h("header", { class: "bar" }, h("h1", {}, title)), h("main", { id: "main" }, form));
}
