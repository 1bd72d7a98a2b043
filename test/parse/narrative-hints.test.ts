import { describe, expect, it } from 'vitest';
import { extractNarrative } from '../../src/parse/narrative.ts';
import { TRIGGERS } from '../../src/parse/narrative-triggers.ts';

const hints = [...new Set(TRIGGERS.flatMap((t) => t.hints ?? []))];

describe('trigger hints (found in one regex scan of a clause)', () => {
  it('the hints fit in the bits of one number (bit 30 marks a trigger word)', () => {
    expect(hints.length).toBeLessThanOrEqual(30);
  });

  it('no hint begins inside another and runs on past it (the scan would hide it)', () => {
    const overlaps: string[] = [];
    for (const a of hints)
      for (const b of hints)
        for (let k = 1; k < a.length; k++)
          if (b.startsWith(a.slice(k)) && b.length > a.length - k) overlaps.push(`${a}/${b}`);
    expect(overlaps).toEqual([]);
  });

  it.each([
    // 公开 only inside 部分公开 / 不予公开, 转 only inside 结转: the inner hints still count
    ['本年度予以部分公开3件，同意公开2件。', 'apply.granted.total', 2],
    ['本年度新收政府信息公开申请5件，结转下年度办理3件。', 'apply.carried_out.total', 3],
    ['依申请公开事项中不予公开2件。', 'apply.denied_sum.total', 2],
  ])('%s → %s = %i', (text, field, value) => {
    const items = extractNarrative([{ text, line: 1 }]).filter((i) => i.field === field);
    expect(items.map((i) => i.value)).toEqual([value]);
  });
});
