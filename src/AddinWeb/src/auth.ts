import type { IPublicClientApplication } from "@azure/msal-browser";
import { officeUserEmail, type Host } from "./office";

// Signing in, and keeping the token fresh for every call.
// Inside Office: nested app authentication (NAA) first, then Office SSO, then a sign-in dialog. MSAL is loaded only
// there (a dynamic import): a plain browser never downloads it. In a plain browser (demo mode): the development
// sign-in, re-issued quietly before the token expires.

export interface AuthConfig {
  clientId: string | null;
  apiScope: string | null;
  authority: string;
  developmentSignIn: boolean;
}
type Via = "demo" | "naa" | "sso" | "dialog";
export interface Session {
  token: string;
  email: string;
  name: string;
  tenant: string;
  via: Via;
  expiresAt: number;
}

export const DEMO_USERS = [
  { email: "alice@contoso.example", name: "Alice Wang", role: "organizer" },
  { email: "bob@contoso.example", name: "Bob Li", role: "noteTaker" },
  { email: "chen.wei@contoso.example", name: "陈伟", role: "attendee" },
  { email: "dana@contoso.example", name: "Dana Smith", role: "attendee" },
  // The departments' heads and the executive of the demo's collaboration projects (README: the "Q1 launch" walk).
  { email: "product.head@contoso.example", name: "Grace Ho", role: "productHead" },
  { email: "li.na@contoso.example", name: "李娜", role: "marketingHead" },
  { email: "eng.lead@contoso.example", name: "Evan Zhou", role: "engineeringHead" },
  { email: "sales.lead@contoso.example", name: "Fiona Liu", role: "salesHead" },
  { email: "coo@contoso.example", name: "孙伟 Victor Sun", role: "executive" },
] as const;

const KEY = "collabaddin.session";
const RENEW_BEFORE_MS = 2 * 60 * 1000;
let session: Session | null = read();
let msal: { pca: IPublicClientApplication; scopes: string[] } | null = null;
const lost = new Set<() => void>();

function read(): Session | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(KEY) ?? "null") as Session | null;
    return value && typeof value.token === "string" ? { ...value, via: value.via ?? "demo", expiresAt: value.expiresAt ?? expiryOf(value.token) } : null;
  } catch {
    return null;
  }
}

function claimsOf(token: string): Record<string, unknown> {
  try {
    return JSON.parse(decodeURIComponent(escape(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"))))) as Record<string, unknown>;
  } catch {
    return {};
  }
}
/** The app roles the token carries (Entra's "roles" claim): only for showing what the API would allow anyway. */
export function rolesOf(s: Session): string[] {
  const roles = claimsOf(s.token).roles; // one role may come as a string, several as an array
  return typeof roles === "string" ? [roles] : Array.isArray(roles) ? roles.filter((r): r is string => typeof r === "string") : [];
}

/** Tenant admins (app role CollabAddin.Admin) manage the tenant's own meeting templates. */
export const isTenantAdmin = (s: Session): boolean => rolesOf(s).includes("CollabAddin.Admin");

/**
 * When the token expires by this browser's clock: its lifetime (exp − iat) from now, as MSAL does with expires_in.
 * Never exp itself: the server's clock and this one may disagree by minutes (or days, in tests).
 */
function expiryOf(token: string): number {
  const { exp, iat, nbf } = claimsOf(token) as { exp?: number; iat?: number; nbf?: number };
  const lifetime = exp && (iat ?? nbf) ? exp - (iat ?? nbf)! : 3600;
  return Date.now() + lifetime * 1000;
}

function remember(token: string, via: Via, who?: { email: string; name: string; tenant: string }): Session {
  const claims = claimsOf(token);
  session = {
    token,
    via,
    expiresAt: expiryOf(token),
    email: who?.email ?? String(claims.preferred_username ?? claims.upn ?? ""),
    name: who?.name ?? String(claims.name ?? claims.preferred_username ?? ""),
    tenant: who?.tenant ?? String(claims.tid ?? ""),
  };
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export const currentSession = (): Session | null => session;

export function signOut(): void {
  session = null;
  sessionStorage.removeItem(KEY);
}

/** Called when the API refuses our token and it cannot be renewed: the shell then offers "Sign in again". */
export function onSessionLost(listener: () => void): () => void {
  lost.add(listener);
  return () => lost.delete(listener);
}
export function sessionLost(): void {
  signOut();
  lost.forEach((l) => l());
}

export async function authConfig(): Promise<AuthConfig> {
  const response = await fetch("/auth/config");
  return (await response.json()) as AuthConfig;
}

/** Demo mode: a token from the development issuer (only an API running in Development serves /dev/token). */
export async function demoSignIn(email: string, name: string, tenant: string, roles: string[] = []): Promise<Session> {
  const response = await fetch("/dev/token", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ email, name, tenant, roles }),
  });
  if (!response.ok) throw new DemoSignInError(response.status);
  const { access_token } = (await response.json()) as { access_token: string };
  return remember(access_token, "demo", { email, name, tenant });
}

export class DemoSignInError extends Error {
  constructor(public readonly status: number) {
    super(`demo sign-in refused (${status})`);
  }
}

/** Inside Office: NAA, falling back to Office SSO, then to a dialog. */
export async function officeSignIn(_host: Host, config: AuthConfig): Promise<Session> {
  if (!config.clientId || !config.apiScope) throw new NoAppRegistration();
  const scopes = [config.apiScope];
  try {
    const { createNestablePublicClientApplication } = await import("@azure/msal-browser");
    const pca = await createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
    let token: string;
    try {
      token = (await pca.acquireTokenSilent({ scopes, account: undefined, ...hint() })).accessToken;
    } catch {
      token = (await pca.acquireTokenPopup({ scopes, loginHint: officeUserEmail() })).accessToken;
    }
    msal = { pca, scopes };
    return remember(token, "naa");
  } catch {
    try {
      return remember(await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true }), "sso");
    } catch {
      return remember(await dialogSignIn(), "dialog");
    }
  }
}

export class NoAppRegistration extends Error {
  constructor() {
    super("no app registration");
  }
}

/**
 * A token good for the next call: renewed silently when it is about to expire (MSAL's silent call with the Office
 * login hint, Office SSO's cache, or a fresh demo token). Null when it cannot be renewed without the person.
 */
export async function freshToken(force = false): Promise<string | null> {
  const s = session;
  if (!s) return null;
  if (!force && s.expiresAt - Date.now() > RENEW_BEFORE_MS) return s.token;
  try {
    switch (s.via) {
      case "demo":
        return (await demoSignIn(s.email, s.name, s.tenant, rolesOf(s))).token;
      case "naa": {
        if (!msal) return null;
        const result = await msal.pca.acquireTokenSilent({ scopes: msal.scopes, forceRefresh: force, ...hint(s.email) });
        return remember(result.accessToken, "naa").token;
      }
      case "sso":
        return remember(await Office.auth.getAccessToken({ allowSignInPrompt: false }), "sso").token;
      // A dialog token cannot be renewed without the person: send it and let the API judge it.
      default:
        return force ? null : s.token;
    }
  } catch {
    return null;
  }
}

/** Office's signed-in user as MSAL's login hint (NAA picks that account silently). */
const hint = (fallback?: string) => ({ loginHint: officeUserEmail() ?? fallback }) as Record<string, string | undefined>;

/** Last resort: the sign-in page in an Office dialog, which sends the token back with messageParent. */
function dialogSignIn(): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(`${location.origin}/signin.html`, { height: 60, width: 30 }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(result.error.message));
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = JSON.parse((arg as { message: string }).message) as { token?: string; error?: string };
        if (message.token) resolve(message.token);
        else reject(new Error(message.error ?? "sign-in failed"));
      });
    });
  });
}
