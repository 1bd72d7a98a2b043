import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';

/** The CJK font shipped from npm, so rendering needs no system font. */
export function resolveChartFont(): string {
  return createRequire(import.meta.url).resolve(
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  );
}

export type Anchor = 'start' | 'middle' | 'end';

interface GlyphFont {
  unitsPerEm: number;
  /** Advance of each glyph and its id, for one text run. */
  layout(text: string): { id: number; advance: number }[];
  /** SVG path data of one glyph in font units (y up). */
  pathOf(id: number): string;
}

/**
 * Text is drawn as glyph outlines so the rasteriser needs no font at all: resvg would otherwise
 * parse the 10 MB CJK font for every chart (most of a chart's time).
 */
function openGlyphFont(file: string): GlyphFont {
  const opened = fontkit.openSync(file);
  if (!('layout' in opened)) throw new Error(`${file} is a font collection, not one font`);
  const font = opened;
  const paths = new Map<number, string>();
  const glyphs = new Map<number, { id: number; advance: number }>();
  return {
    unitsPerEm: font.unitsPerEm,
    // one glyph per code point: chart text (CJK, digits, punctuation) needs no shaping
    layout: (text) => {
      const out: { id: number; advance: number }[] = [];
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        let g = glyphs.get(cp);
        if (!g) {
          const glyph = font.glyphForCodePoint(cp);
          g = { id: glyph.id, advance: glyph.advanceWidth };
          glyphs.set(cp, g);
        }
        out.push(g);
      }
      return out;
    },
    pathOf: (id) => {
      let d = paths.get(id);
      if (d === undefined) {
        d = font.getGlyph(id).path.toSVG();
        paths.set(id, d);
      }
      return d;
    },
  };
}

const fonts = new Map<string, GlyphFont>();

/** One parsed font per file and process; glyph outlines are cached as they are first drawn. */
function glyphFont(file: string): GlyphFont {
  let font = fonts.get(file);
  if (!font) {
    font = openGlyphFont(file);
    fonts.set(file, font);
  }
  return font;
}

/** Collects the glyph outlines one SVG uses, each defined once and placed with `<use>`. */
export class GlyphWriter {
  private readonly font: GlyphFont;
  private readonly used = new Set<number>();

  constructor(fontFile = resolveChartFont()) {
    this.font = glyphFont(fontFile);
  }

  /** Width of a text run in pixels at a font size. */
  measure(text: string, size: number): number {
    const scale = size / this.font.unitsPerEm;
    return this.font.layout(text).reduce((w, g) => w + g.advance, 0) * scale;
  }

  /** A text run as placed glyph outlines; `y` is the baseline, as for SVG `<text>`. */
  text(text: string, x: number, y: number, size: number, fill: string, anchor: Anchor = 'start'): string {
    const glyphs = this.font.layout(text);
    const width = glyphs.reduce((w, g) => w + g.advance, 0);
    const scale = size / this.font.unitsPerEm;
    const shift = anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0;
    let pen = -shift;
    const uses: string[] = [];
    for (const g of glyphs) {
      if (this.font.pathOf(g.id) !== '') {
        this.used.add(g.id);
        uses.push(`<use href="#g${g.id}" x="${Math.round(pen)}"/>`);
      }
      pen += g.advance;
    }
    const k = round(scale);
    return `<g fill="${fill}" transform="translate(${round(x)} ${round(y)}) scale(${k} ${-k})">${uses.join('')}</g>`;
  }

  /** The `<defs>` holding every glyph drawn so far. */
  defs(): string {
    const paths = [...this.used].map((id) => `<path id="g${id}" d="${this.font.pathOf(id)}"/>`);
    return `<defs>${paths.join('')}</defs>`;
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
