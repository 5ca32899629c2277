import type { ApiActor } from "@/lib/api/types";
import { ACTOR_KINDS, type ActorKind } from "@/lib/model/vocabulary";

/** Actors grouped by kind, each with its names over time. */
export function ActorList({ actors }: { actors: ApiActor[] }) {
  const kinds = (Object.keys(ACTOR_KINDS) as ActorKind[]).filter((k) => actors.some((a) => a.kind === k));
  return (
    <>
      {kinds.map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h3 id={`kind-${kind}`}>{ACTOR_KINDS[kind]}</h3>
          <ul className="plain">
            {actors
              .filter((a) => a.kind === kind)
              .map((a) => (
                <li key={a.id} id={`actor-${a.id}`}>
                  <strong>{a.name}</strong>
                  {a.short && ` (${a.short})`}: {a.description}
                  {a.names.length > 0 && (
                    <div className="cite">
                      Names: {a.names.map((n) => `${n.short ?? n.name} (${n.dateLabel})`).join(" → ")}
                    </div>
                  )}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
