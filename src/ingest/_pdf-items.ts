import type { PdfItem } from './_pdf-lines.ts';

/** A text run in the shape pdf.js's text content reports it (and src/ingest/_pdfium.ts builds it). */
export interface RawTextItem {
  str: string;
  /** [a, b, c, d, e, f]: text direction (a, b), origin (e, f), in PDF user space. */
  transform: number[];
  width: number;
  height: number;
}

/** Reading direction of a run, in degrees anticlockwise. */
type Turn = 0 | 90 | 180 | 270;

function findTurn(t: readonly number[]): Turn {
  const a = t[0] ?? 1;
  const b = t[1] ?? 0;
  if (Math.abs(a) >= Math.abs(b)) return a >= 0 ? 0 : 180;
  return b > 0 ? 90 : 270;
}

/** Rotates a point so that text running at `turn` reads left to right. */
function rotateToReading(x: number, y: number, turn: Turn): [number, number] {
  switch (turn) {
    case 90:
      return [y, -x];
    case 180:
      return [-x, -y];
    case 270:
      return [-y, x];
    default:
      return [x, y];
  }
}

/**
 * A page's runs in reading orientation: the orientation most of its characters run in
 * (a landscape table may be drawn rotated on a portrait page). Runs at other angles,
 * such as a group label written sideways down a table's edge, are dropped.
 */
export function orientItems(
  raw: readonly RawTextItem[],
  view: readonly number[],
): { items: PdfItem[]; view: number[] } {
  const weight = new Map<Turn, number>();
  for (const r of raw) {
    const turn = findTurn(r.transform);
    weight.set(turn, (weight.get(turn) ?? 0) + r.str.trim().length);
  }
  const turn = [...weight.entries()].sort((p, q) => q[1] - p[1])[0]?.[0] ?? 0;
  const items = raw
    .filter((r) => findTurn(r.transform) === turn)
    .map((r): PdfItem => {
      const t = r.transform;
      const [x, y] = rotateToReading(t[4] ?? 0, t[5] ?? 0, turn);
      const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || r.height || 1;
      return { str: r.str, x, y, w: r.width, size, h: r.height };
    });
  const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = view;
  const [ax, ay] = rotateToReading(x0, y0, turn);
  const [bx, by] = rotateToReading(x1, y1, turn);
  return { items, view: [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)] };
}
