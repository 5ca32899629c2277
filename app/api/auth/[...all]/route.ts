import { handleAuthRequest } from "@/lib/server/auth/handler";

// better-auth's own endpoints: POST /api/auth/sign-in/email {email, password}, POST /api/auth/sign-out, ...
export const GET = handleAuthRequest;
export const POST = handleAuthRequest;
