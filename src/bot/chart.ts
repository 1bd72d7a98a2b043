import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../answer/types.ts';
import { escapeHtml } from './html.ts';

const FONT_FAMILY = 'Noto Sans SC';
const WIDTH = 900;
const HEIGHT = 520;
const PLOT = { left: 80, right: 30, top: 70, bottom: 70 };
const BAR_COLOR = '#3b6fb6';

/** The CJK font shipped from npm, so rendering needs no system font. */
export function resolveChartFont(): string {
  return createRequire(import.meta.url).resolve(
    '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  );
}

/** A round axis maximum with 4–5 ticks. */
function niceMax(max: number): { top: number; step: number } {
  if (max <= 0) return { top: 1, step: 1 };
  const raw = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * magnitude).find((s) => s >= raw) ?? raw;
  return { top: Math.ceil(max / step) * step, step };
}

/** Label text shortened for the axis; the caption carries the full names. */
function shortenLabel(label: string, slots: number): string {
  const max = Math.max(4, Math.floor(slots / 16));
  if (label.length <= max) return label;
  // 人民政府 adds nothing on an axis of agencies.
  const short = label.replace(/人民政府$/, '').replace(/人民政府/, '政府');
  return short.length > max ? `${short.slice(0, max - 1)}…` : short;
}

function formatTick(value: number): string {
  return Number(value.toFixed(2)).toLocaleString('en-US');
}

/** Builds the chart as SVG markup (pure; text escaped). */
export function buildChartSvg(spec: ChartSpec): string {
  const plotW = WIDTH - PLOT.left - PLOT.right;
  const plotH = HEIGHT - PLOT.top - PLOT.bottom;
  const n = Math.max(spec.values.length, 1);
  const { top, step } = niceMax(Math.max(0, ...spec.values));
  const y = (v: number) => PLOT.top + plotH - (Math.max(v, 0) / top) * plotH;
  const slot = plotW / n;
  const x = (i: number) => PLOT.left + slot * i + slot / 2;
  const parts: string[] = [
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="38" font-size="24" text-anchor="middle" fill="#222">${escapeHtml(spec.title)}</text>`,
    `<text x="${PLOT.left - 10}" y="${PLOT.top - 14}" font-size="14" text-anchor="end" fill="#555">${escapeHtml(spec.unit)}</text>`,
  ];
  for (let t = 0; t <= top + step / 2; t += step) {
    parts.push(
      `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${y(t)}" y2="${y(t)}" stroke="#e2e2e2"/>`,
      `<text x="${PLOT.left - 10}" y="${y(t) + 5}" font-size="14" text-anchor="end" fill="#555">${formatTick(t)}</text>`,
    );
  }
  const points: string[] = [];
  spec.values.forEach((value, i) => {
    const label = escapeHtml(shortenLabel(spec.labels[i] ?? '', slot));
    const valueText = `<text x="${x(i)}" y="${y(value) - 8}" font-size="15" text-anchor="middle" fill="#222">${formatTick(value)}</text>`;
    if (spec.kind === 'bar') {
      const w = Math.min(slot * 0.6, 90);
      parts.push(
        `<rect x="${x(i) - w / 2}" y="${y(value)}" width="${w}" height="${PLOT.top + plotH - y(value)}" fill="${BAR_COLOR}"/>`,
      );
    } else {
      points.push(`${x(i)},${y(value)}`);
      parts.push(`<circle cx="${x(i)}" cy="${y(value)}" r="5" fill="${BAR_COLOR}"/>`);
    }
    parts.push(
      valueText,
      `<text x="${x(i)}" y="${PLOT.top + plotH + 26}" font-size="15" text-anchor="middle" fill="#222">${label}</text>`,
    );
  });
  if (points.length > 1) {
    parts.splice(
      3,
      0,
      `<polyline points="${points.join(' ')}" fill="none" stroke="${BAR_COLOR}" stroke-width="3"/>`,
    );
  }
  parts.push(
    `<line x1="${PLOT.left}" x2="${WIDTH - PLOT.right}" y1="${PLOT.top + plotH}" y2="${PLOT.top + plotH}" stroke="#888"/>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="${FONT_FAMILY}">${parts.join('')}</svg>`;
}

/** Renders the chart to PNG bytes with resvg and the bundled font (no browser, no system fonts). */
export function renderChart(spec: ChartSpec, fontFile = resolveChartFont()): Buffer {
  const resvg = new Resvg(buildChartSvg(spec), {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}
