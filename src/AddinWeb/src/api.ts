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
}

export async function callApi<T>(method: string, path: string, body?: unknown, options: CallOptions = {}): Promise<ApiResponse<T>> {
  const send = async (token: string | null) => {
    const headers: Record<string, string> = { "Accept-Language": language(), "X-CollabAddin-Client": "taskpane" };
    if (token) headers.Authorization = `Bearer ${token}`;
    if (options.ifMatch) headers["If-Match"] = options.ifMatch;
    if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
    let payload: BodyInit | undefined;
    if (body instanceof Uint8Array || body instanceof Blob) {
      payload = body instanceof Blob ? body : new Blob([body as BlobPart]);
      headers["Content-Type"] = options.contentType ?? "application/octet-stream";
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["Content-Type"] = "application/json";
    }
    try {
      return await fetch(path, { method, headers, body: payload, signal: options.signal });
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
  const type = response.headers.get("Content-Type") ?? "";
  if (!response.ok) {
    const problem = type.includes("json") ? ((await response.json()) as Problem) : { status: response.status, title: response.statusText };
    throw new ApiError({ ...problem, status: response.status });
  }
  const data = options.binary ? await response.arrayBuffer() : type.includes("json") ? await response.json() : undefined;
  return { data: data as T, etag: response.headers.get("ETag"), status: response.status, headers: response.headers };
}

/** One key per plan (getRandomValues, not randomUUID: the pane may be served over plain http on a LAN in demo mode). */
export const newKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
