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

describe('buildChartSvg', () => {
  it('draws one bar per value, labelled, with text escaped', () => {
    const svg = buildChartSvg(BAR);
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg).toContain('行政处罚 &lt;比较&gt;');
    expect(svg).toContain('A&amp;B');
    expect(svg).toContain('>114<');
    expect(svg).toContain('font-family="Noto Sans SC"');
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

  it('keeps taller bars taller', () => {
    const heights = [
      ...buildChartSvg(BAR).matchAll(/<rect x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"/g),
    ].map((m) => Number(m[1]));
    expect(heights[0]).toBeGreaterThan(heights[1]!);
    expect(heights[2]).toBe(0);
  });
});

describe('renderChart', () => {
  it('renders a 900×520 PNG with the bundled CJK font', () => {
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
