/**
 * Every API route module, for route tests. Import them only through this, after the test has
 * pointed DATABASE_URL at its file: the process's one Prisma client opens that file on first use.
 */
export async function importApiRoutes() {
  return {
    actors: await import("@/app/api/actors/route"),
    actor: await import("@/app/api/actors/[id]/route"),
    relationships: await import("@/app/api/relationships/route"),
    relationship: await import("@/app/api/relationships/[id]/route"),
    events: await import("@/app/api/events/route"),
    event: await import("@/app/api/events/[id]/route"),
    sources: await import("@/app/api/sources/route"),
    places: await import("@/app/api/places/route"),
    graph: await import("@/app/api/graph/route"),
    timeline: await import("@/app/api/timeline/route"),
    story: await import("@/app/api/story/route"),
    export: await import("@/app/api/export/route"),
    source: await import("@/app/api/sources/[id]/route"),
    place: await import("@/app/api/places/[id]/route"),
    revisions: await import("@/app/api/revisions/route"),
    restore: await import("@/app/api/revisions/[id]/restore/route"),
    session: await import("@/app/api/session/route"),
    auth: await import("@/app/api/auth/[...all]/route"),
    user: await import("@/app/api/users/[id]/route"),
  };
}

export type ApiRoutes = Awaited<ReturnType<typeof importApiRoutes>>;
