import { PublicClientApplication } from "@azure/msal-browser";
import { authConfig } from "../auth";

// The sign-in dialog (the last fallback when neither NAA nor Office SSO gives a token): MSAL's redirect flow inside
// an Office dialog, then the token goes back to the pane with messageParent.
Office.onReady(async () => {
  const reply = (message: { token?: string; error?: string }) => Office.context.ui.messageParent(JSON.stringify(message));
  try {
    const config = await authConfig();
    if (!config.clientId || !config.apiScope) return reply({ error: "The API has no Entra ID app registration configured." });
    const pca = new PublicClientApplication({
      auth: { clientId: config.clientId, authority: config.authority, redirectUri: `${location.origin}/signin.html` },
    });
    await pca.initialize();
    const redirected = await pca.handleRedirectPromise();
    const account = redirected?.account ?? pca.getAllAccounts()[0];
    if (!account) return pca.loginRedirect({ scopes: [config.apiScope] });
    const result = await pca.acquireTokenSilent({ scopes: [config.apiScope], account });
    reply({ token: result.accessToken });
  } catch (error) {
    reply({ error: error instanceof Error ? error.message : String(error) });
  }
});
