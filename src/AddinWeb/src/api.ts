import { language } from "./i18n";
import { currentToken, signOut } from "./auth";

/** An RFC 7807 problem from the API: title, detail, and per-field errors for validation problems. */
export interface Problem { status: number; title: string; detail?: string; errors?: Record<string, string[]>; [key: string]: unknown }

export class ApiError extends Error {
  constructor(public readonly problem: Problem) { super(problem.detail ?? problem.title); }
  get status(): number { return this.problem.status; }
}

export interface ApiResponse<T> { data: T; etag: string | null; status: number }

/** Every call to the API goes through here: it adds the token, says it comes from the task pane, and asks for the pane's language. */
export async function callApi<T>(method: string, path: string, body?: unknown,
  options: { ifMatch?: string; contentType?: string; binary?: boolean; idempotencyKey?: string } = {}): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {
    "Accept-Language": language(),
    "X-CollabAddin-Client": "taskpane",
  };
  const token = currentToken();
  if (token) headers.Authorization = `Bearer ${token}`;
  if (options.ifMatch) headers["If-Match"] = options.ifMatch;
  if (options.idempotencyKey) headers["Idempotency-Key"] = options.idempotencyKey;
  let payload: BodyInit | undefined;
  if (body instanceof Uint8Array) {
    payload = new Blob([body as BlobPart]);
    headers["Content-Type"] = options.contentType ?? "application/octet-stream";
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["Content-Type"] = "application/json";
  }
  const response = await fetch(path, { method, headers, body: payload });
  if (response.status === 401) {
    signOut();
    throw new ApiError({ status: 401, title: "Please sign in again." });
  }
  const type = response.headers.get("Content-Type") ?? "";
  if (!response.ok) {
    const problem = type.includes("json") ? await response.json() as Problem : { status: response.status, title: response.statusText };
    throw new ApiError({ ...problem, status: response.status });
  }
  const data = options.binary ? await response.arrayBuffer() : type.includes("json") ? await response.json() : undefined;
  return { data: data as T, etag: response.headers.get("ETag"), status: response.status };
}
