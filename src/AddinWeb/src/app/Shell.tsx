import {
  Avatar,
  Button,
  Field,
  FluentProvider,
  Input,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Select,
  Spinner,
  teamsHighContrastTheme,
  Text,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { PersonRegular } from "@fluentui/react-icons/svg/person";
import { createContext, StrictMode, useContext, useEffect, useState, type ComponentType } from "react";
import { createRoot } from "react-dom/client";
import { useTranslation } from "react-i18next";
import {
  authConfig,
  currentSession,
  DEMO_USERS,
  demoSignIn,
  DemoSignInError,
  NoAppRegistration,
  officeSignIn,
  onSessionLost,
  signOut,
  type Session,
} from "../auth";
import { language, pickLanguage, setLanguage, startI18n, type Language, type MessageKey } from "../i18n";
import { officeReady, type Host, type OfficeInfo, type Theme } from "../office";
import { Notice, ProblemBar } from "./Problem";
import "./styles.css";

export interface PaneContext {
  host: Host;
  session: Session;
  office: OfficeInfo;
}
const Context = createContext<PaneContext | null>(null);

/** The pane's host and signed-in person; only inside a pane started with startPane. */
export function usePane(): PaneContext {
  const value = useContext(Context);
  if (!value) throw new Error("usePane outside a pane");
  return value;
}

const THEMES = { light: webLightTheme, dark: webDarkTheme, contrast: teamsHighContrastTheme } as const;

/**
 * Starts a pane: waits for Office (or finds it is not there), picks the language, signs in (Office, a demo link, or
 * the demo sign-in form), then draws the header and the pane. The pane's own title is the header's h1, once.
 */
export async function startPane(title: MessageKey, Pane: ComponentType): Promise<void> {
  const root = createRoot(document.getElementById("app")!);
  const office = await officeReady();
  performance.mark("collab:office-ready"); // bench mode "panes" reads these marks
  await startI18n(pickLanguage(office.displayLanguage));
  document.documentElement.dataset.theme = office.theme;
  root.render(
    <StrictMode>
      <App office={office} title={title} Pane={Pane} />
    </StrictMode>,
  );
}

function App({ office, title, Pane }: { office: OfficeInfo; title: MessageKey; Pane: ComponentType }) {
  const { t } = useTranslation();
  const [session, setSession] = useState<Session | null>(currentSession());
  const [ended, setEnded] = useState(false);
  const [failure, setFailure] = useState<unknown>();
  const [round, setRound] = useState(0);

  useEffect(
    () =>
      onSessionLost(() => {
        setSession(null);
        setEnded(true);
      }),
    [],
  );
  useEffect(() => {
    document.title = `${t(title)} · ${t("appName")}`;
  }, [t, title]);

  // Inside Office, sign in on our own (no form); a demo link (?demoUser=) does the same in Development.
  useEffect(() => {
    if (session) return;
    const demoUser = new URLSearchParams(location.search).get("demoUser");
    if (!office.host && !demoUser) return;
    if (ended && !office.host) return; // the demo form takes over
    let live = true;
    setFailure(undefined);
    const signIn = office.host
      ? authConfig().then((config) => officeSignIn(office.host, config))
      : demoSignIn(
          demoUser!,
          DEMO_USERS.find((u) => u.email === demoUser!.toLowerCase())?.name ?? demoUser!,
          new URLSearchParams(location.search).get("tenant") ?? "contoso",
          new URLSearchParams(location.search).get("demoRole") === "admin" ? ["CollabAddin.Admin"] : [],
        );
    signIn.then(
      (s) => {
        if (live) {
          setSession(s);
          setEnded(false);
        }
      },
      (e: unknown) => {
        if (live) setFailure(e);
      },
    );
    return () => {
      live = false;
    };
  }, [session, office.host, ended, round]);

  let body: React.ReactNode;
  if (session) {
    body = (
      <Context.Provider value={{ host: office.host, session, office }}>
        <Pane />
      </Context.Provider>
    );
  } else if (failure && office.host) {
    body = <SignInFailed error={failure} onRetry={() => setRound((r) => r + 1)} />;
  } else if (office.host || (new URLSearchParams(location.search).get("demoUser") && !failure && !ended)) {
    body = <Spinner size="small" label={t("loading")} />;
  } else {
    body = (
      <DemoSignIn
        ended={ended}
        linkFailure={failure}
        onSignedIn={(s) => {
          setSession(s);
          setEnded(false);
        }}
      />
    );
  }
  return (
    <FluentProvider theme={THEMES[office.theme as Theme]} className="app">
      <header className="bar">
        <h1>{t(title)}</h1>
        <LanguageSwitch />
        {session ? (
          <Account
            session={session}
            onSignOut={() => {
              signOut();
              setSession(null);
            }}
          />
        ) : null}
      </header>
      {ended && office.host && !session ? (
        <Notice intent="warning">
          {t("sessionEnded")}{" "}
          <Button
            size="small"
            onClick={() => {
              setEnded(false);
              setRound((r) => r + 1);
            }}
          >
            {t("signInAgain")}
          </Button>
        </Notice>
      ) : null}
      <main id="main" tabIndex={-1}>
        {body}
      </main>
    </FluentProvider>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  return (
    <Select size="small" aria-label={t("language")} className="language" value={language()} onChange={(_, d) => void setLanguage(d.value as Language)}>
      <option value="en-US">English</option>
      <option value="zh-CN">中文</option>
    </Select>
  );
}

function Account({ session, onSignOut }: { session: Session; onSignOut: () => void }) {
  const { t } = useTranslation();
  const label = t("signedInAs", { name: session.name });
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button appearance="transparent" size="small" aria-label={label} title={label} icon={<Avatar size={24} icon={<PersonRegular />} aria-hidden />} />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem disabled>{label}</MenuItem>
          {session.via === "demo" ? <MenuItem onClick={onSignOut}>{t("signOut")}</MenuItem> : null}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

function SignInFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  if (error instanceof NoAppRegistration) return <Notice intent="warning">{t("noAppRegistration")}</Notice>;
  return (
    <div className="stack">
      <Text weight="semibold">{t("signInFailed")}</Text>
      <ProblemBar error={error} onRetry={onRetry} />
    </div>
  );
}

function DemoSignIn({ ended, linkFailure, onSignedIn }: { ended: boolean; linkFailure: unknown; onSignedIn: (s: Session) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState<string>(DEMO_USERS[0].email);
  const [tenant, setTenant] = useState("contoso");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(linkFailure);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = DEMO_USERS.find((u) => u.email === email)!;
      onSignedIn(await demoSignIn(user.email, user.name, tenant.trim() || "contoso"));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} aria-labelledby="demo-title">
      <h2 id="demo-title">{t("demoTitle")}</h2>
      {ended ? <Notice intent="warning">{t("sessionEnded")}</Notice> : null}
      <Text>{t("demoIntro")}</Text>
      <Field label={t("demoUser")}>
        <Select value={email} onChange={(_, d) => setEmail(d.value)}>
          {DEMO_USERS.map((u) => (
            <option key={u.email} value={u.email}>{`${u.name} · ${t(`demoRole.${u.role}`)}`}</option>
          ))}
        </Select>
      </Field>
      <Field label={t("demoTenant")}>
        <Input value={tenant} onChange={(_, d) => setTenant(d.value)} autoComplete="off" />
      </Field>
      <Button type="submit" appearance="primary" disabled={busy} icon={busy ? <Spinner size="tiny" /> : undefined}>
        {t("signIn")}
      </Button>
      {error instanceof DemoSignInError ? <Notice intent="warning">{t("demoUnavailable")}</Notice> : error ? <ProblemBar error={error} /> : null}
    </form>
  );
}
