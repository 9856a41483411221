import { createNestablePublicClientApplication, type IPublicClientApplication } from "@azure/msal-browser";
import type { Host } from "./office";

// Signing in. Inside Office: nested app authentication (NAA) first, then Office SSO, then a sign-in dialog; the token
// is for our API's access_as_user scope. In a plain browser (demo mode): the development sign-in, as a demo user.

export interface AuthConfig { clientId: string | null; apiScope: string | null; authority: string; developmentSignIn: boolean }
export interface Session { token: string; email: string; name: string; tenant: string; demo: boolean }

const KEY = "collabaddin.session";
let session: Session | null = JSON.parse(sessionStorage.getItem(KEY) ?? "null");

export const currentSession = (): Session | null => session;
export const currentToken = (): string | null => session?.token ?? null;

function remember(value: Session): Session {
  session = value;
  sessionStorage.setItem(KEY, JSON.stringify(value));
  return value;
}

export function signOut(): void {
  session = null;
  sessionStorage.removeItem(KEY);
}

export async function authConfig(): Promise<AuthConfig> {
  const response = await fetch("/auth/config");
  return await response.json() as AuthConfig;
}

/** Demo mode: a token from the development issuer (only served by an API running in Development). */
export async function demoSignIn(email: string, name: string, tenant: string): Promise<Session> {
  const response = await fetch("/dev/token", {
    method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, name, tenant }),
  });
  if (!response.ok) throw new Error((await response.json()).title ?? "Sign-in failed.");
  const { access_token } = await response.json() as { access_token: string };
  return remember({ token: access_token, email, name, tenant, demo: true });
}

/** Inside Office: NAA, falling back to Office SSO, then to a dialog. */
export async function officeSignIn(host: Host, config: AuthConfig): Promise<Session> {
  if (!config.clientId || !config.apiScope) throw new Error("The API has no Entra ID app registration configured.");
  const scopes = [config.apiScope];
  let token: string | null = null;
  try {
    const pca: IPublicClientApplication = await createNestablePublicClientApplication({ auth: { clientId: config.clientId, authority: config.authority } });
    try {
      token = (await pca.acquireTokenSilent({ scopes })).accessToken;
    } catch {
      token = (await pca.acquireTokenPopup({ scopes })).accessToken;
    }
  } catch {
    try {
      token = await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true });
    } catch {
      token = await dialogSignIn();
    }
  }
  const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
  return remember({ token, email: claims.preferred_username, name: claims.name ?? claims.preferred_username, tenant: claims.tid, demo: host === null });
}

/** Last resort: the sign-in page in an Office dialog, which sends the token back with messageParent. */
function dialogSignIn(): Promise<string> {
  return new Promise((resolve, reject) => {
    Office.context.ui.displayDialogAsync(`${location.origin}/signin.html`, { height: 60, width: 30 }, (result) => {
      if (result.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(result.error.message));
      const dialog = result.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
        dialog.close();
        const message = JSON.parse((arg as { message: string }).message) as { token?: string; error?: string };
        if (message.token) resolve(message.token); else reject(new Error(message.error ?? "Sign-in failed."));
      });
    });
  });
}
