/**
 * Zoom and pan as a matrix held in React state (style.md: the visx model). `screen = k * p + (x, y)`
 * for a layout point p, i.e. the SVG transform `matrix(k 0 0 k x y)`. Pure functions only.
 */
export interface Matrix {
  k: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export const MIN_ZOOM = 0.2;
export const MAX_ZOOM = 3;
export const IDENTITY: Matrix = { k: 1, x: 0, y: 0 };

const clampK = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

export function toTransform(m: Matrix): string {
  return `matrix(${m.k} 0 0 ${m.k} ${m.x} ${m.y})`;
}

/** Scales by `factor` about the screen point (px, py), which stays put. */
export function zoomAt(m: Matrix, factor: number, px: number, py: number): Matrix {
  const k = clampK(m.k * factor);
  const f = k / m.k;
  return { k, x: px - (px - m.x) * f, y: py - (py - m.y) * f };
}

export function panBy(m: Matrix, dx: number, dy: number): Matrix {
  return { k: m.k, x: m.x + dx, y: m.y + dy };
}

/**
 * The matrix that shows a layout box inside the viewport, not above zoom 1 (text stays its size)
 * and not below MIN_ZOOM; when the box is too big for that, its top-left corner is shown.
 */
export function fitBox(box: Rect, view: Size, padding = 16): Matrix {
  const w = Math.max(1, box.x1 - box.x0);
  const h = Math.max(1, box.y1 - box.y0);
  const k = clampK(Math.min(1, (view.width - 2 * padding) / w, (view.height - 2 * padding) / h));
  const x = w * k <= view.width - 2 * padding ? (view.width - w * k) / 2 - box.x0 * k : padding - box.x0 * k;
  const y = h * k <= view.height - 2 * padding ? (view.height - h * k) / 2 - box.y0 * k : padding - box.y0 * k;
  return { k, x, y };
}

/** Puts the layout point (px, py) at the viewport's centre, keeping the zoom. */
export function centerOn(m: Matrix, px: number, py: number, view: Size): Matrix {
  return { k: m.k, x: view.width / 2 - px * m.k, y: view.height / 2 - py * m.k };
}

/** The layout-coordinate rectangle on screen, grown by `margin` screen pixels on every side. */
export function visibleRect(m: Matrix, view: Size, margin = 100): Rect {
  return {
    x0: (-margin - m.x) / m.k,
    y0: (-margin - m.y) / m.k,
    x1: (view.width + margin - m.x) / m.k,
    y1: (view.height + margin - m.y) / m.k,
  };
}

/** Whether a box (layout coordinates) touches the rectangle. */
export function intersects(r: Rect, x0: number, y0: number, x1: number, y1: number): boolean {
  return x1 >= r.x0 && x0 <= r.x1 && y1 >= r.y0 && y0 <= r.y1;
}
