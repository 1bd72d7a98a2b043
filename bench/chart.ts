import type { ChartSpec } from '../src/answer/types.ts';
import { renderChart } from '../src/bot/chart.ts';
import { timeCalls } from './steady.ts';

export type ChartBench = { first_ms: number; bar10_ms: number; trend5_ms: number; trend5_p99_ms: number };

const round = (x: number) => Math.round(x * 10) / 10;

/** Chart rendering, warm: a 10-bar ranking and a 5-series, 5-year trend (PNG bytes out). */
export function benchChart(): ChartBench {
  const bar: ChartSpec = {
    kind: 'bar',
    title: '2024年行政许可（件）排名',
    labels: Array.from({ length: 10 }, (_, i) => `某市第${i + 1}区人民政府`),
    values: Array.from({ length: 10 }, (_, i) => 1000 - i * 87),
    unit: '件',
  };
  const trend: ChartSpec = {
    kind: 'line',
    title: '行政处罚（件）趋势',
    labels: ['2021年', '2022年', '2023年', '2024年', '2025年'],
    values: [],
    unit: '件',
    series: Array.from({ length: 5 }, (_, k) => ({
      name: `某县人民政府${'甲乙丙丁戊'[k]}`,
      values: [3, 8, 5, 13, 21].map((v) => v * (k + 1)),
    })),
  };
  const t = performance.now();
  renderChart(bar);
  const first = performance.now() - t;
  const b = timeCalls(() => renderChart(bar), 20);
  const tr = timeCalls(() => renderChart(trend), 20);
  return {
    first_ms: round(first),
    bar10_ms: round(b.p50),
    trend5_ms: round(tr.p50),
    trend5_p99_ms: round(tr.p99),
  };
}
