import { language } from "./i18n";
import { freshToken, sessionLost } from "./auth";

// The one API client: every call goes through callApi. It adds a fresh token, says it comes from the task pane,
// asks for the pane's language, and turns every failure into an ApiError the panes can show to a person.

/** An RFC 7807 problem from the API: title, detail, and per-field errors for validation problems. */
export interface Problem {
  status: number;
  title: string;
  detail?: string;
  errors?: Record<string, string[]>;
  [key: string]: unknown;
}

/** kind "network": the API was not reached; "session": the token is gone; "api": the API answered with a problem. */
export class ApiError extends Error {
  constructor(
    public readonly problem: Problem,
    public readonly kind: "api" | "network" | "session" = "api",
  ) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface ApiResponse<T> {
  data: T;
  etag: string | null;
  status: number;
  headers: Headers;
}
export interface CallOptions {
  ifMatch?: string;
  contentType?: string;
  binary?: boolean;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** A GET whose answer is kept with its ETag: asked again, it sends If-None-Match and a 304 gives back the kept answer. */
  revalidate?: boolean;
}

// The last answer of each revalidated GET, by path. An ETag names its person (the API makes it so), so an answer
// kept for one person is never confirmed for another who signs in later in the same pane.
const kept = new Map<string, { etag: string; data: unknown }>();
const KEEP_AT_MOST = 20;

export async function callApi<T>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const send = async (token: string | null) => {
    const headers: Record<string, string> = { "Accept-Language": language(), "X-CollabAddin-Client": "taskpane" };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.ifMatch) headers["If-Match"] = options.ifMatch;
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    const known = options.revalidate ? kept.get(path) : undefined;
    if (known) headers["If-None-Match"] = known.etag;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array || body instanceof Blob) {
      payload = body instanceof Blob ? body : new Blob([body as BlobPart]);
      headers["Content-Type"] = options.contentType ?? "application/octet-stream";
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["Content-Type"] = "application/json";
    }
    try {
      // Revalidated answers bypass the browser's own cache, so that a 304 reaches this code rather than being resolved there.
      return await fetch(path, { method, headers, body: payload, signal: options.signal, cache: options.revalidate ? "no-store" : undefined });
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") throw error;
      throw new ApiError({ status: 0, title: "network" }, "network");
    }
  };
  let response = await send(await freshToken());
  if (response.status === 401) {
    // One silent renewal; if that does not help, the person must sign in again (the shell offers the button).
    const renewed = await freshToken(true);
    if (renewed) response = await send(renewed);
    if (response.status === 401) {
      sessionLost();
      throw new ApiError({ status: 401, title: "session" }, "session");
    }
  }
  if (response.status === 304 && options.revalidate) {
    const known = kept.get(path);
    if (known) return { data: known.data as T, etag: known.etag, status: 200, headers: response.headers };
  }
  const type = response.headers.get("Content-Type") ?? "";
  if (!response.ok) {
    const problem = type.includes("json") ? ((await response.json()) as Problem) : { status: response.status, title: response.statusText };
    throw new ApiError({ ...problem, status: response.status });
  }
  const data = options.binary ? await response.arrayBuffer() : type.includes("json") ? await response.json() : undefined;
  const etag = response.headers.get("ETag");
  if (options.revalidate && method === "GET" && etag) {
    kept.delete(path);
    if (kept.size >= KEEP_AT_MOST) kept.delete(kept.keys().next().value as string);
    kept.set(path, { etag, data });
  }
  return { data: data as T, etag, status: response.status, headers: response.headers };
}

/** One key per plan (getRandomValues, not randomUUID: the pane may be served over plain http on a LAN in demo mode). */
export const newKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
