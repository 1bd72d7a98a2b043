import { describe, expect, it } from 'vitest';
import {
  agencyLevel,
  allDivisions,
  divisionShortForms,
  ETHNIC_AUTONOMY_WORDS,
  ETHNIC_GROUPS,
  readChineseNumber,
} from '../../src/domain/index.ts';

describe('src/domain', () => {
  it('knows the 55 ethnic minorities, each once', () => {
    expect(ETHNIC_GROUPS).toHaveLength(55);
    expect(new Set(ETHNIC_GROUPS).size).toBe(55);
    expect(ETHNIC_GROUPS.every((g) => g.endsWith('族'))).toBe(true);
  });

  it('drops ethnic-autonomy words, the longest group name first (土家族 is not 土族)', () => {
    expect('循化撒拉族自治县'.replace(ETHNIC_AUTONOMY_WORDS, '')).toBe('循化县');
    expect('民和回族土族自治县'.replace(ETHNIC_AUTONOMY_WORDS, '')).toBe('民和县');
    expect('长阳土家族自治县'.replace(ETHNIC_AUTONOMY_WORDS, '')).toBe('长阳县');
  });

  it('loads the division dataset once, without its placeholders', () => {
    const all = allDivisions();
    expect(allDivisions()).toBe(all);
    expect(all.filter((d) => /市辖区|^县$|直辖/.test(d.name))).toEqual([]);
    expect(all.find((d) => d.code === '630225')).toEqual({
      name: '循化撒拉族自治县',
      code: '630225',
      level: 'county',
      province: '青海省',
      city: '海东市',
    });
  });

  it.each([
    ['循化撒拉族自治县', ['循化撒拉族自治县', '循化', '循化县']],
    ['宁夏回族自治区', ['宁夏回族自治区', '宁夏']],
    ['浦东新区', ['浦东新区', '浦东']],
    ['淮安市', ['淮安市', '淮安']],
  ])('short forms of %s', (name, forms) => {
    expect(divisionShortForms(name)).toEqual(forms);
  });

  it('reads Chinese numerals', () => {
    expect(['二十三', '两', '一百零五', '12'].map(readChineseNumber)).toEqual([23, 2, 105, 12]);
  });

  it.each([
    [{ agency: '江苏省人民政府', kind: 'gov', code: '320000' }, 'province'],
    [{ agency: '淮安市人民政府', kind: 'gov', code: '320800' }, 'city'],
    [{ agency: '化隆县人民政府', kind: 'gov', code: '630224' }, 'county'],
    [{ agency: '平罗县人民政府办公室', kind: 'dept', code: '640221' }, 'office'],
    [{ agency: '淮安市财政局', kind: 'dept', code: '320800' }, 'dept'],
  ] as const)('the standing of %j is %s', (r, level) => {
    const region = { name: '', code: r.code, province: null, city: null };
    expect(agencyLevel({ agency: r.agency, kind: r.kind, region })).toBe(level);
  });
});
