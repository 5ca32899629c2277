import { sessionAnswer } from "@/lib/server/auth/session-route";

/** Who is signed in: `{ user: { id, email, name, role } | null }`, never cached. */
export const GET = sessionAnswer;
