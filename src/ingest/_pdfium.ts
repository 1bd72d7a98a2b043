/**
 * PDF text layer through PDFium (Chromium's PDF engine, compiled to WebAssembly by
 * `@embedpdf/pdfium`): each page's glyphs with their Unicode, origin, size and advance, joined
 * into text runs the way pdf.js's text content joins them (a small gap is no space, a gap up to
 * 0.6 em is one space, a wider gap, a jump back or another baseline starts a new run). About three
 * times faster than pdf.js on the same files, with the same runs for the table reader.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { RawTextItem } from './_pdf-items.ts';

/** The raw C exports this module calls (numbers in, numbers out; pointers into the module's memory). */
interface Exports {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  FPDF_LoadMemDocument(data: number, size: number, password: number): number;
  FPDF_GetLastError(): number;
  FPDF_GetPageCount(doc: number): number;
  FPDF_CloseDocument(doc: number): void;
  FPDF_LoadPage(doc: number, index: number): number;
  FPDF_ClosePage(page: number): void;
  FPDFPage_GetCropBox(page: number, l: number, b: number, r: number, t: number): number;
  FPDFPage_GetMediaBox(page: number, l: number, b: number, r: number, t: number): number;
  FPDF_GetPageWidthF(page: number): number;
  FPDF_GetPageHeightF(page: number): number;
  FPDFText_LoadPage(page: number): number;
  FPDFText_ClosePage(text: number): void;
  FPDFText_CountChars(text: number): number;
  FPDFText_GetUnicode(text: number, i: number): number;
  FPDFText_IsGenerated(text: number, i: number): number;
  FPDFText_GetFontSize(text: number, i: number): number;
  FPDFText_GetMatrix(text: number, i: number, matrix: number): number;
  FPDFText_GetCharOrigin(text: number, i: number, x: number, y: number): number;
  FPDFText_GetLooseCharBox(text: number, i: number, rect: number): number;
  FPDFText_GetTextObject(text: number, i: number): number;
  FPDFTextObj_GetFont(object: number): number;
}

/** Why FPDF_LoadMemDocument failed, by FPDF_GetLastError. */
const LOAD_ERRORS: Record<number, string> = {
  1: 'unknown error',
  2: 'file not found or could not be opened',
  3: 'not a PDF or damaged',
  4: 'password required or incorrect',
  5: 'unsupported security scheme',
  6: 'page not found or content error',
};

/** A compiled WebAssembly module: threads that instantiate the same one share its machine code. */
export type PdfiumCode = object;

/** The parts of the WebAssembly global this module uses (the project's type libraries do not declare it). */
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      compile(bytes: Uint8Array): Promise<PdfiumCode>;
      instantiate(code: PdfiumCode, imports: object): Promise<object>;
    };
  }
).WebAssembly;

let compiled: Promise<PdfiumCode> | undefined;
let loaded: Promise<Exports> | undefined;
/** Bytes this thread's PDFium memory may grow to (the file's limit); growth past it is refused. */
let memoryCap = Number.POSITIVE_INFINITY;
/** Set when a growth was refused: the fault that follows is the memory limit's. */
let refused = false;

/**
 * PDFium's code, compiled once per process (about 0.2 s on background threads). Parse workers
 * are handed this module rather than compiling their own: V8 then optimises hot functions once
 * for every thread, instead of each worker running unoptimised code until it has its own.
 */
export function compilePdfium(): Promise<PdfiumCode> {
  compiled ??= (() => {
    const require = createRequire(import.meta.url);
    return wasm.compile(readFileSync(require.resolve('@embedpdf/pdfium/pdfium.wasm')));
  })();
  return compiled;
}

/** Uses PDFium code compiled by another thread (a worker's parent); before this thread's first PDF. */
export function sharePdfium(code: PdfiumCode): void {
  compiled ??= Promise.resolve(code);
}

/** The PDFium module of this thread, started once (its memory is the thread's own); a failed start is tried again next time. */
function pdfium(): Promise<Exports> {
  loaded ??= (async () => {
    const code = await compilePdfium();
    // loaded on first use: a thread that never reads a PDF does not hold it
    const { init } = await import('@embedpdf/pdfium');
    const wrapped = await new Promise<Awaited<ReturnType<typeof init>>>((resolve, reject) => {
      const instantiateWasm = (
        imports: { env: Record<string, unknown> },
        receive: (instance: object, code: PdfiumCode) => void,
      ) => {
        // the module's memory lies outside the worker's heap limit: its growth is held to the cap here
        const grow = imports.env.emscripten_resize_heap as (bytes: number) => boolean;
        imports.env.emscripten_resize_heap = (bytes: number) => {
          if (bytes >>> 0 <= memoryCap) return grow(bytes);
          refused = true;
          return false;
        };
        wasm.instantiate(code, imports).then((instance) => receive(instance, code), reject);
        return {};
      };
      // PDFium's complaints about damaged files are not ours to print
      const quiet = () => {};
      init({ instantiateWasm, print: quiet, printErr: quiet } as object).then(resolve, reject);
    });
    wrapped.PDFiumExt_Init();
    return wrapped.pdfium.wasmExports as unknown as Exports;
  })();
  loaded.catch(() => {
    loaded = undefined;
  });
  return loaded;
}

/** A text run of a page, in the shape pdf.js's text content gives (so one reader serves both). */
export interface PdfiumPage {
  items: RawTextItem[];
  /** [x0, y0, x1, y1]: the visible page box in PDF user space. */
  view: number[];
}

/** Gaps as shares of the font size, as pdf.js's text content uses them. */
const NO_SPACE = 0.102;
const ONE_SPACE = 0.6;
const BACK = -0.2;
/** Baselines further apart than this share of the size are two lines. */
const OTHER_LINE = 0.25;

/** A run being built: its text, where it starts, and where its last glyph ends. */
interface Run {
  str: string;
  t: number[];
  /** Font of its glyphs (a handle): another font starts another run, as in pdf.js. */
  font: number;
  /** Glyphs stacked one under the other (a vertical font). */
  vertical: boolean;
  /** Unit reading direction (cos, sin) and font size in points. */
  dx: number;
  dy: number;
  size: number;
  /** Origin of the last glyph, and the end of its advance (page space). */
  lastX: number;
  lastY: number;
  endX: number;
  endY: number;
}

/** Invisible format marks pdf.js leaves out of text content. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/;
/** Compatibility characters pdf.js normalises (spaces, Latin and Arabic presentation forms). */
const NORMALISE =
  /[\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+/g;

function toItem(run: Run): RawTextItem {
  const str = run.str.replace(NORMALISE, (s) => s.normalize('NFKC'));
  const [, , , , x0 = 0, y0 = 0] = run.t;
  // a vertical run is one glyph wide and as tall as its glyphs (as pdf.js reports it)
  return run.vertical
    ? {
        str,
        transform: run.t,
        width: run.size,
        height: Math.hypot(run.lastX - x0, run.lastY - y0) + run.size,
      }
    : { str, transform: run.t, width: Math.hypot(run.endX - x0, run.endY - y0), height: run.size };
}

/** One page's text runs and box. */
function readPage(x: Exports, doc: number, index: number, scratch: number): PdfiumPage {
  const page = x.FPDF_LoadPage(doc, index);
  if (!page) throw new Error(`page ${index + 1} could not be loaded`);
  const f32 = () => new Float32Array(x.memory.buffer, scratch, 6);
  const f64 = () => new Float64Array(x.memory.buffer, scratch, 4);
  const text = x.FPDFText_LoadPage(page);
  try {
    let view: number[];
    if (x.FPDFPage_GetCropBox(page, scratch, scratch + 4, scratch + 8, scratch + 12)) {
      const [l = 0, b = 0, r = 0, t = 0] = f32();
      view = [Math.min(l, r), Math.min(b, t), Math.max(l, r), Math.max(b, t)];
    } else if (x.FPDFPage_GetMediaBox(page, scratch, scratch + 4, scratch + 8, scratch + 12)) {
      const [l = 0, b = 0, r = 0, t = 0] = f32();
      view = [Math.min(l, r), Math.min(b, t), Math.max(l, r), Math.max(b, t)];
    } else {
      view = [0, 0, x.FPDF_GetPageWidthF(page), x.FPDF_GetPageHeightF(page)];
    }
    if (!text) return { items: [], view };
    const [vx0, vy0, vx1, vy1] = view as [number, number, number, number];
    const items: RawTextItem[] = [];
    let run = null as Run | null;
    let spaceBefore = false;
    let lastObject = -1;
    let font = 0;
    const flush = () => {
      if (run && run.str !== '') items.push(toItem(run));
      run = null;
    };
    const count = x.FPDFText_CountChars(text);
    for (let i = 0; i < count; i++) {
      if (x.FPDFText_IsGenerated(text, i)) continue;
      const code = x.FPDFText_GetUnicode(text, i);
      const ch = code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
      if (code === 0 || INVISIBLE.test(ch)) continue;
      if (/\s/.test(ch)) {
        spaceBefore = true;
        continue;
      }
      x.FPDFText_GetCharOrigin(text, i, scratch, scratch + 8);
      const [ox = 0, oy = 0] = f64();
      // glyphs off the page are not drawn (pdf.js leaves them out too)
      if (ox < vx0 || ox > vx1 || oy < vy0 || oy > vy1) continue;
      x.FPDFText_GetMatrix(text, i, scratch);
      const [a = 1, b = 0, c = 0, d = 1, e = 0, f = 0] = f32();
      const fontSize = x.FPDFText_GetFontSize(text, i);
      const scale = Math.hypot(a, b) || 1;
      const size = Math.hypot(c, d) * fontSize || fontSize;
      const dx = a / scale;
      const dy = b / scale;
      // a glyph of a vertical font (Identity-V) is centred on its position: its origin lies half an
      // em before the text object's start, where a horizontal glyph's lies at or after it
      const vertical = (ox - e) * dx + (oy - f) * dy < -0.25 * size;
      const object = x.FPDFText_GetTextObject(text, i);
      if (object !== lastObject) {
        lastObject = object;
        font = object ? x.FPDFTextObj_GetFont(object) : 0;
      }
      x.FPDFText_GetLooseCharBox(text, i, scratch);
      const [left = 0, top = 0, right = 0, bottom = 0] = f32();
      // advance along the reading direction (the loose box spans the glyph's advance)
      const advance = Math.abs(dx) >= Math.abs(dy) ? Math.abs(right - left) : Math.abs(top - bottom);
      const r: Run | null = run;
      if (r && r.font === font && r.dx === dx && r.dy === dy && Math.abs(r.size - size) < 0.01 * size) {
        // offset from the last glyph's origin and from the end of its advance: along the reading
        // direction and across it (up positive)
        const fx = ox - r.lastX;
        const fy = oy - r.lastY;
        const ex = ox - r.endX;
        const ey = oy - r.endY;
        const along = ex * dx + ey * dy;
        const across = -ex * dy + ey * dx;
        const below = -(-fx * dy + fy * dx);
        if (
          !vertical &&
          !r.vertical &&
          Math.abs(across) <= OTHER_LINE * size &&
          along >= BACK * size &&
          along <= ONE_SPACE * size
        ) {
          if (spaceBefore || along > NO_SPACE * size) r.str += ' ';
          r.str += ch;
          r.lastX = ox;
          r.lastY = oy;
          r.endX = ox + dx * advance;
          r.endY = oy + dy * advance;
          spaceBefore = false;
          continue;
        }
        // a vertical font's glyphs stand one under the other, each an em below the last
        if (
          vertical &&
          r.vertical &&
          Math.abs(fx * dx + fy * dy) <= OTHER_LINE * size &&
          below >= (1 + BACK) * size &&
          below <= (1 + ONE_SPACE) * size
        ) {
          r.str += ch;
          r.lastX = ox;
          r.lastY = oy;
          spaceBefore = false;
          continue;
        }
      }
      flush();
      spaceBefore = false;
      run = {
        str: ch,
        t: [a * fontSize, b * fontSize, c * fontSize, d * fontSize, ox, oy],
        font,
        vertical,
        dx,
        dy,
        size,
        lastX: ox,
        lastY: oy,
        endX: ox + dx * advance,
        endY: oy + dy * advance,
      };
    }
    flush();
    return { items, view };
  } finally {
    if (text) x.FPDFText_ClosePage(text);
    x.FPDF_ClosePage(page);
  }
}

/** What reading one PDF may use, and the check of its page count (which may throw). */
export interface PdfiumLimits {
  maxMemoryBytes: number;
  checkPages: (pages: number) => void;
}

/** Thrown when PDFium needed more memory than `maxMemoryBytes` (the file was abandoned). */
export class PdfiumMemoryError extends Error {
  override readonly name = 'PdfiumMemoryError';
}

/** Memory above this is given back after a file (the module is dropped and started afresh next time). */
const KEEP_BYTES = 64 * 1024 * 1024;

/**
 * Opens a PDF in PDFium and reads its pages' text runs one page at a time, handing each to
 * `onPage`. The module's memory is freed whatever happens; a fault inside PDFium discards the
 * module (the next file starts a fresh one), and one past the memory limit throws
 * PdfiumMemoryError.
 */
export async function readPdfium(
  bytes: Uint8Array,
  limits: PdfiumLimits,
  onPage: (page: PdfiumPage, number: number) => void,
): Promise<number> {
  const x = await pdfium();
  memoryCap = limits.maxMemoryBytes;
  refused = false;
  const data = x.malloc(bytes.length);
  const scratch = x.malloc(64);
  if (!data || !scratch) throw new PdfiumMemoryError('no memory for the file itself');
  let doc = 0;
  try {
    new Uint8Array(x.memory.buffer, data, bytes.length).set(bytes);
    doc = x.FPDF_LoadMemDocument(data, bytes.length, 0);
    if (!doc) {
      const code = x.FPDF_GetLastError();
      throw new Error(LOAD_ERRORS[code] ?? `error ${code}`);
    }
    const pages = x.FPDF_GetPageCount(doc);
    limits.checkPages(pages);
    for (let i = 0; i < pages; i++) onPage(readPage(x, doc, i, scratch), i + 1);
    return pages;
  } catch (e) {
    // a trap (`unreachable`, out of bounds, an allocation refused) leaves the module unusable:
    // the next file starts a fresh one
    if (e instanceof Error && e.name === 'RuntimeError') {
      loaded = undefined;
      if (refused) throw new PdfiumMemoryError(e.message);
    }
    throw e;
  } finally {
    if (loaded) {
      if (doc) x.FPDF_CloseDocument(doc);
      x.free(scratch);
      x.free(data);
      // memory never shrinks: after a large file, the module goes and its memory with it
      if (x.memory.buffer.byteLength > KEEP_BYTES) loaded = undefined;
    }
  }
}
