import { describe, expect, it } from 'vitest';
import { getDivisionIndex, pickPlace } from '../../src/nlu/divisions.ts';

const index = getDivisionIndex();

describe('division names people write', () => {
  it.each([
    ['beijing', '北京市'],
    ['shanghai', '上海市'],
    ['pudong', '浦东新区'],
    ['guangzhou', '广州市'],
    ['qinghai', '青海省'],
    ['neimenggu', '内蒙古自治区'],
    ['innermongolia', '内蒙古自治区'],
    ['hongkong', '香港特别行政区'],
    ['minhe', '民和回族土族自治县'],
  ])('pinyin %s → %s', (typed, name) => {
    expect(pickPlace(index.latin.get(typed) ?? [])?.name).toBe(name);
  });

  it.each([
    ['北京', '北京市'],
    ['浦东', '浦东新区'],
    ['化隆县', '化隆回族自治县'],
    ['宁夏', '宁夏回族自治区'],
    ['香港', '香港特别行政区'],
  ])('Chinese %s → %s', (typed, name) => {
    expect(pickPlace(index.chinese.get(typed) ?? [])?.name).toBe(name);
  });

  it('leaves a name shared by several places of one level unresolved', () => {
    const chaoyang = index.latin.get('chaoyang') ?? [];
    expect(chaoyang.map((p) => p.name)).toEqual(['朝阳市', '朝阳区', '朝阳县', '朝阳区', '潮阳区']);
    expect(pickPlace(index.chinese.get('朝阳区') ?? [])).toBeUndefined();
  });

  it.each([
    'what',
    'how',
    'many',
    'penalties',
    'fees',
    'compare',
    'issue',
    'report',
    'total',
    'trend',
    'hello',
  ])('is not confused by the English word %s', (word) => {
    expect(index.latin.has(word)).toBe(false);
  });
});
