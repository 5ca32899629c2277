/**
 * Accounts for route tests: made through the library's own hashing (createUser), signed in through
 * the real /api/auth route, the session cookie handed back for the next requests.
 */
import type { Role } from "@/lib/api/roles";

export const ORIGIN = "http://localhost";
export const PASSWORD = "a long enough passphrase";

type Handler = (request: Request, context: never) => Promise<Response>;

export async function makeUser(email: string, role: Role, name = email.split("@")[0]!): Promise<{ id: string; email: string }> {
  const { createUser } = await import("@/lib/server/auth/create-user");
  return createUser({ email, name, role, password: PASSWORD });
}

/** A request as a browser on the app's own page would send it (Origin, JSON body, the cookie). */
export function appRequest(path: string, init: { method?: string; body?: unknown; cookie?: string; origin?: string | null; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { ...init.headers };
  if (init.origin !== null) headers.origin = init.origin ?? ORIGIN;
  if (init.cookie) headers.cookie = init.cookie;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(new URL(path, ORIGIN), {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

export async function call(handler: Handler, request: Request, params: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers; text: string }> {
  const response = await handler(request, { params: Promise.resolve(params) } as never);
  const text = await response.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, body, headers: response.headers, text };
}

/** Signs in through POST /api/auth/sign-in/email; returns the cookie header to send back. */
export async function signIn(authPost: Handler, email: string, password = PASSWORD, headers: Record<string, string> = {}): Promise<string> {
  const response = await authPost(appRequest("/api/auth/sign-in/email", { method: "POST", body: { email, password }, headers }), { params: Promise.resolve({ all: ["sign-in", "email"] }) } as never);
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
