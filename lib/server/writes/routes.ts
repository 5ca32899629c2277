import "server-only";
/**
 * The write handlers of /api/{kind} and /api/{kind}/{id}, made once for every kind of entry: the
 * route files only export them beside their GET.
 */
import { WRITABLE, createBodySchema, deleteBodySchema, updateBodySchema, type Entry, type WritablePath } from "../../dataset/write-schema";
import { writeRoute } from "../http/write-route";
import { createEntity, deleteEntity, updateEntity, type Author } from "./write-entity";

const author = (user: Author): Author => ({ id: user.id, name: user.name, email: user.email });

/** POST /api/{kind} `{ entity, reason }` → 201 `{ entity, version: 1, revision: { id } }`. */
export function createRoute(path: WritablePath) {
  const { kind, schema } = WRITABLE[path];
  return writeRoute(createBodySchema(schema), async (body, { user }) => ({
    status: 201,
    body: await createEntity(kind, body.entity as Entry, body.reason, author(user)),
  }));
}

/** PATCH /api/{kind}/{id} `{ version, reason, entity }` and DELETE /api/{kind}/{id}?version=&reason=. */
export function itemRoutes(path: WritablePath) {
  const { kind, schema } = WRITABLE[path];
  return {
    PATCH: writeRoute(updateBodySchema(schema), async (body, { user, params }: { user: Author; params: { id: string } }) => ({
      body: await updateEntity(kind, params.id, body.version, body.entity as Entry, body.reason, author(user)),
    })),
    DELETE: writeRoute(
      deleteBodySchema,
      async (body, { user, params }: { user: Author; params: { id: string } }) => ({
        body: await deleteEntity(kind, params.id, body.version, body.reason, author(user)),
      }),
      { fromQuery: ["version", "reason"] },
    ),
  };
}
