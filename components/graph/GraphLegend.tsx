"use client";

/** The key to the drawing, built from the same tables as the Cytoscape stylesheet. */
import { POSSIBLY_DASH, CERTAINTY_LINES, CHANGE_MARKS, ENDED_COLOUR, KIND_STYLES, POLARITY_COLOURS, STRUCTURAL_COLOUR, type KindStyle } from "@/lib/graph/style";
import { ACTOR_KINDS, CERTAINTIES, CERTAINTY_LABELS, POLARITIES, type ActorKind, type Certainty, type Polarity } from "@/lib/model/vocabulary";
import styles from "./GraphLegend.module.css";

interface Props {
  showEnded: boolean;
  showChanges?: boolean;
  /** The heading of the change marks: the comparison's, or "Since 2010" for a step's marks. */
  changesTitle?: string;
  /** "Possibly holding" is on: explain its dotted, faded lines. */
  showPossibly?: boolean;
  /** The measure actors are sized by, if any: "Betweenness". */
  sizedBy?: string | null;
}

export function GraphLegend({ showEnded, showChanges = false, changesTitle = "Between the two dates", showPossibly = false, sizedBy = null }: Props) {
  return (
    <div className={styles.legend} data-testid="legend">
      {showChanges ? (
        <div className={styles.group} data-testid="legend-changes">
          <h3>{changesTitle}</h3>
          <ul>
            {Object.values(CHANGE_MARKS).map((m) => (
              <li key={m.label} title={m.description}>
                <HaloSwatch colour={m.colour} />
                {m.label}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <div className={styles.group}>
      <h3>Actors</h3>
      {sizedBy ? (
        <p className={styles.note} data-testid="legend-size">
          Size: {sizedBy.toLowerCase()} (larger is more)
        </p>
      ) : null}
      <ul>
        {(Object.keys(KIND_STYLES) as ActorKind[]).map((kind) => (
          <li key={kind}>
            <ShapeSwatch style={KIND_STYLES[kind]} />
            {ACTOR_KINDS[kind]}
          </li>
        ))}
      </ul>
      </div>
      <div className={styles.group}>
      <h3>Relationships</h3>
      <ul>
        {(Object.keys(POLARITY_COLOURS) as Polarity[]).map((p) => (
          <li key={p}>
            <LineSwatch colour={POLARITY_COLOURS[p]} />
            {POLARITIES[p]}
          </li>
        ))}
        <li>
          <LineSwatch colour={STRUCTURAL_COLOUR} width={1.5} />
          Belonging (member, leader, part of)
        </li>
        {showEnded ? (
          <li>
            <LineSwatch colour={ENDED_COLOUR} />
            Ended before this date
          </li>
        ) : null}
        {showPossibly ? (
          <li data-testid="legend-possibly">
            <LineSwatch colour="#8a929c" dash={POSSIBLY_DASH} />
            Possibly still holding: last attested earlier, end only &ldquo;at least&rdquo;
          </li>
        ) : null}
        <li className={styles.note}>Arrows: from the actor who acts to the one acted on.</li>
      </ul>
      </div>
      <div className={styles.group}>
      <h3>Certainty</h3>
      <ul>
        {(Object.keys(CERTAINTY_LINES) as Certainty[]).map((c) => (
          <li key={c} title={CERTAINTIES[c]}>
            <LineSwatch colour="#1d2330" dash={CERTAINTY_LINES[c].dash} />
            {CERTAINTY_LABELS[c]} <span className={styles.muted}>({CERTAINTY_LINES[c].label})</span>
          </li>
        ))}
      </ul>
      </div>
    </div>
  );
}

function ShapeSwatch({ style }: { style: KindStyle }) {
  const points = style.points;
  return (
    <svg className={styles.swatch} viewBox="-1.2 -1.2 2.4 2.4" width="18" height="18" aria-hidden="true">
      {points ? (
        <polygon points={pairs(points)} fill={style.colour} stroke="#2b2f36" strokeWidth="0.12" />
      ) : (
        <circle r="0.9" fill={style.colour} stroke="#2b2f36" strokeWidth="0.12" />
      )}
    </svg>
  );
}

function LineSwatch({ colour, dash = null, width = 2.5 }: { colour: string; dash?: number[] | null; width?: number }) {
  return (
    <svg className={styles.swatch} viewBox="0 0 32 10" width="32" height="10" aria-hidden="true">
      <line x1="1" y1="5" x2="25" y2="5" stroke={colour} strokeWidth={width} strokeDasharray={dash?.join(" ")} strokeLinecap="round" />
      <polygon points="24,1.5 31,5 24,8.5" fill={colour} />
    </svg>
  );
}

function HaloSwatch({ colour }: { colour: string }) {
  return (
    <svg className={styles.swatch} viewBox="0 0 32 10" width="32" height="10" aria-hidden="true">
      <line x1="3" y1="5" x2="29" y2="5" stroke={colour} strokeOpacity="0.6" strokeWidth="9" strokeLinecap="round" />
      <line x1="3" y1="5" x2="29" y2="5" stroke="#5a6270" strokeWidth="2" />
    </svg>
  );
}

function pairs(points: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) out.push(`${points[i]},${points[i + 1]}`);
  return out.join(" ");
}
