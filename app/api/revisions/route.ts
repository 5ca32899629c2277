import { revisionsAnswer } from "@/lib/server/writes/revision-routes";

/** `?limit=50&before=<id>` and `?entity=relationship:ID`: every change, latest first. */
export const GET = revisionsAnswer;
