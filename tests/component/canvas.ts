/**
 * The `<canvas type="2d">` the simulator lacks: j-component's SelectorQuery ignores `fields({ node: true })`, so a
 * component that draws (TDesign's t-qrcode) finds no node and draws nothing. Patched here, `node` is a small
 * recording canvas: its 2d context keeps the filled rectangles (in the canvas's own pixels, after scale/translate),
 * the way a real canvas keeps pixels. Tests read them with `drawnCanvas(el)`; the preview reads the `pv-canvas`
 * attribute the stub keeps on the `<wx-canvas>` element (an SVG of the same rectangles) and shows it as an image.
 * Setting `width` or `height` clears the drawing and resets the transform, as on a real canvas.
 */

// biome-ignore lint/suspicious/noExplicitAny: the simulator's modules and nodes are untyped
type Any = any;

export interface DrawnRect {
  x: number;
  y: number;
  w: number;
  h: number;
  fill: string;
}

export interface DrawnCanvas {
  width: number;
  height: number;
  rects: DrawnRect[];
  /** Images drawn (an icon in the middle of a QR code), by source. */
  images: string[];
}

const DRAWN = Symbol.for('lingyan.canvas');

class RecordingContext {
  fillStyle = '#000000';
  strokeStyle = '#000000';
  globalAlpha = 1;
  private t = { a: 1, d: 1, e: 0, f: 0 };
  private stack: { a: number; d: number; e: number; f: number }[] = [];
  constructor(private readonly canvas: RecordingCanvas) {}
  reset(): void {
    this.t = { a: 1, d: 1, e: 0, f: 0 };
    this.stack = [];
    this.fillStyle = '#000000';
  }
  scale(x: number, y: number): void {
    this.t = { ...this.t, a: this.t.a * x, d: this.t.d * y };
  }
  translate(x: number, y: number): void {
    this.t = { ...this.t, e: this.t.e + x * this.t.a, f: this.t.f + y * this.t.d };
  }
  setTransform(a: number, _b: number, _c: number, d: number, e: number, f: number): void {
    this.t = { a, d, e, f };
  }
  resetTransform(): void {
    this.t = { a: 1, d: 1, e: 0, f: 0 };
  }
  save(): void {
    this.stack.push({ ...this.t });
  }
  restore(): void {
    this.t = this.stack.pop() ?? this.t;
  }
  fillRect(x: number, y: number, w: number, h: number): void {
    const { a, d, e, f } = this.t;
    this.canvas.drawn.rects.push({ x: e + x * a, y: f + y * d, w: w * a, h: h * d, fill: String(this.fillStyle) });
    this.canvas.changed();
  }
  clearRect(x: number, y: number, w: number, h: number): void {
    const { a, d, e, f } = this.t;
    const [x0, y0, x1, y1] = [e + x * a, f + y * d, e + (x + w) * a, f + (y + h) * d];
    this.canvas.drawn.rects = this.canvas.drawn.rects.filter(
      (r) => !(r.x >= x0 && r.y >= y0 && r.x + r.w <= x1 && r.y + r.h <= y1),
    );
    this.canvas.changed();
  }
  drawImage(img: { src?: string }): void {
    this.canvas.drawn.images.push(String(img?.src ?? ''));
    this.canvas.changed();
  }
  // Paths and text are not recorded (nothing we draw uses them); they must not throw.
  beginPath(): void {}
  closePath(): void {}
  moveTo(): void {}
  lineTo(): void {}
  rect(): void {}
  arc(): void {}
  fill(): void {}
  stroke(): void {}
  fillText(): void {}
  measureText(text: string): { width: number } {
    return { width: String(text).length * 10 };
  }
}

class RecordingCanvas {
  drawn: DrawnCanvas = { width: 300, height: 150, rects: [], images: [] };
  private ctx = new RecordingContext(this);
  private pending = false;
  constructor(private readonly el: HTMLElement | null) {
    if (el) (el as Any)[DRAWN] = this.drawn;
  }
  get width(): number {
    return this.drawn.width;
  }
  set width(v: number) {
    this.resize(v, this.drawn.height);
  }
  get height(): number {
    return this.drawn.height;
  }
  set height(v: number) {
    this.resize(this.drawn.width, v);
  }
  private resize(width: number, height: number): void {
    this.drawn = { width: Math.round(width), height: Math.round(height), rects: [], images: [] };
    if (this.el) (this.el as Any)[DRAWN] = this.drawn;
    this.ctx.reset();
    this.changed();
  }
  getContext(type: string): RecordingContext | null {
    return type === '2d' ? this.ctx : null;
  }
  createImage(): { src: string; onload: (() => void) | null; onerror: (() => void) | null } {
    const img = {
      _src: '',
      onload: null as (() => void) | null,
      onerror: null as (() => void) | null,
      get src() {
        return this._src;
      },
      set src(v: string) {
        this._src = v;
        Promise.resolve().then(() => img.onload?.());
      },
    };
    return img;
  }
  requestAnimationFrame(cb: () => void): number {
    return setTimeout(cb, 16) as unknown as number;
  }
  cancelAnimationFrame(id: number): void {
    clearTimeout(id);
  }
  /** Mirror the drawing to the element once the current burst of calls is over (a QR code is hundreds of rects). */
  changed(): void {
    if (!this.el || this.pending) return;
    this.pending = true;
    Promise.resolve().then(() => {
      this.pending = false;
      this.el?.setAttribute('pv-canvas', svgDataUri(this.drawn));
    });
  }
}

function svgDataUri(d: DrawnCanvas): string {
  const byFill = new Map<string, string[]>();
  for (const r of d.rects) {
    const list = byFill.get(r.fill) ?? [];
    list.push(`M${+r.x.toFixed(2)} ${+r.y.toFixed(2)}h${+r.w.toFixed(2)}v${+r.h.toFixed(2)}h${-r.w.toFixed(2)}z`);
    byFill.set(r.fill, list);
  }
  const paths = [...byFill].map(([fill, p]) => `<path fill="${fill.replace(/"/g, '')}" d="${p.join('')}"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${d.width} ${d.height}" preserveAspectRatio="none" shape-rendering="crispEdges">${paths}</svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

const canvases = new WeakMap<object, RecordingCanvas>();

/** One canvas per `<canvas>` node for its lifetime, as the platform hands back the same node on every query. */
function canvasNodeFor(exparserNode: Any): RecordingCanvas | null {
  if (exparserNode?.is !== 'canvas') return null;
  let c = canvases.get(exparserNode);
  if (!c) {
    c = new RecordingCanvas(exparserNode.$$ instanceof HTMLElement ? exparserNode.$$ : null);
    canvases.set(exparserNode, c);
  }
  return c;
}

/** What has been drawn on the `<wx-canvas>` element `el` (or null when nothing drew on it). */
export function drawnCanvas(el: Element | null | undefined): DrawnCanvas | null {
  return ((el as Any)?.[DRAWN] as DrawnCanvas | undefined) ?? null;
}

/**
 * Teach j-component's SelectorQuery (the class the simulator instance uses: pass the module required alongside it)
 * to answer `fields({ node: true })` for canvas nodes. Idempotent.
 */
export function installCanvasStub(SelectorQuery: Any): void {
  const proto = SelectorQuery?.prototype;
  if (!proto || proto.__lingyanCanvas) return;
  const exec = proto.exec;
  proto.exec = function (this: Any, callback?: (res: unknown[]) => void) {
    const queue: Any[] = this._queue.slice();
    queue.forEach((item, i) => {
      if (!item.fields?.node || item.exparserNode === 0) return;
      const own = this._queueCallback[i];
      this._queueCallback[i] = function (this: Any, res: Any) {
        const root = item.exparserNode.shadowRoot;
        if (item.isSelectSingle) {
          if (res) res.node = canvasNodeFor(root.querySelector(item.selector));
        } else {
          const nodes = Array.from(root.querySelectorAll(item.selector) as Any[]).filter(Boolean);
          (res as Any[]).forEach((r, k) => {
            r.node = canvasNodeFor(nodes[k]);
          });
        }
        if (typeof own === 'function') own.call(this, res);
      };
    });
    return exec.call(this, callback);
  };
  proto.__lingyanCanvas = true;
}
