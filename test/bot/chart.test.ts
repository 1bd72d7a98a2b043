import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/answer/types.ts';
import { buildChartSvg, renderChart } from '../../src/bot/chart.ts';

const BAR: ChartSpec = {
  kind: 'bar',
  title: '行政处罚 <比较>',
  labels: ['化隆县人民政府', '平罗县人民政府办公室', 'A&B'],
  values: [114, 37, 0],
  unit: '件',
};

const TREND: ChartSpec = {
  kind: 'line',
  title: '行政处罚趋势',
  labels: ['2021年', '2022年', '2023年', '2024年', '2025年'],
  values: [],
  unit: '件',
  series: [
    { name: '甲县人民政府', values: [1, 5, 3, 4, null] },
    { name: '乙县人民政府', values: [2, 10, 6, 8, 9] },
    { name: '丙县人民政府', values: [null, 1, 1, 1, 1] },
  ],
};

/** Placed glyph runs: one `<g … transform="translate(x y) …">` per text drawn. */
function textRuns(svg: string): { x: number; y: number }[] {
  return [...svg.matchAll(/<g fill="[^"]+" transform="translate\(([\d.-]+) ([\d.-]+)\)/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
  }));
}

describe('buildChartSvg', () => {
  it('draws one bar per value, text as glyph outlines, the title escaped', () => {
    const svg = buildChartSvg(BAR);
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg).toContain('<title>行政处罚 &lt;比较&gt;</title>');
    // nothing from the data reaches the markup outside the escaped title
    expect(svg.replace(/<title>.*<\/title>/, '')).not.toMatch(/[<>]比较|A&B/);
    expect(svg).not.toContain('<text');
    // title, unit, 6 ticks (0–125 by 25), 3 labels, 3 values: each a run of glyphs
    expect(textRuns(svg)).toHaveLength(1 + 1 + 6 + 3 + 3);
    // every glyph used is defined once
    const used = new Set([...svg.matchAll(/href="#(g\d+)"/g)].map((m) => m[1]));
    const defined = [...svg.matchAll(/<path id="(g\d+)"/g)].map((m) => m[1]);
    expect(new Set(defined)).toEqual(used);
    expect(defined).toHaveLength(used.size);
  });

  it('draws a line through every point for trends', () => {
    const svg = buildChartSvg({
      kind: 'line',
      title: '趋势',
      labels: ['2022年', '2023年', '2024年'],
      values: [12, 1, 23],
      unit: '件',
    });
    expect(svg.match(/<circle /g)).toHaveLength(3);
    expect(svg).toMatch(/<polyline points="([\d.]+,[\d.]+ ){2}[\d.]+,[\d.]+"/);
  });

  it('draws several series with a legend, skipping missing years', () => {
    const svg = buildChartSvg(TREND);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg.match(/<circle /g)).toHaveLength(4 + 5 + 4);
    // legend swatches: one 12×12 square per series, in distinct colours
    const swatches = [...svg.matchAll(/<rect x="[\d.]+" y="50" width="12" height="12" fill="(#[0-9a-f]+)"/g)];
    expect(new Set(swatches.map((m) => m[1])).size).toBe(3);
  });

  it('keeps taller bars taller', () => {
    const heights = [
      ...buildChartSvg(BAR).matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g),
    ].map((m) => Number(m[1]));
    expect(heights[0]).toBeGreaterThan(heights[1]!);
    expect(heights[2]).toBe(0);
  });

  it('drops the prefix every axis label shares, so the labels differ', () => {
    const labels = ['平潭综合实验区财政金融局', '平潭综合实验区交通与建设局', '平潭综合实验区公安局'];
    const common = buildChartSvg({ ...BAR, labels });
    const own = buildChartSvg({ ...BAR, labels: ['财政金融局', '交通与建设局', '公安局'] });
    expect(common).toBe(own);
  });
});

describe('renderChart', () => {
  it('renders a 900×520 PNG', () => {
    const png = renderChart(BAR);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(900);
    expect(png.readUInt32BE(20)).toBe(520);
  });

  it('draws Chinese glyphs, not empty boxes: labels add ink', () => {
    const plain = renderChart({ ...BAR, title: '', labels: ['', '', ''] });
    const labelled = renderChart(BAR);
    expect(labelled.length).toBeGreaterThan(plain.length + 1000);
  });
});
