import { describe, expect, it } from 'vitest';
import { agencyKey, findPrevious } from '../../src/check/index.ts';
import { makeReport } from './_reports.ts';

const region = (name: string, code: string | null) => ({ name, code, province: '青海省', city: '海东市' });

describe('agency matching across years', () => {
  it.each([
    ['洪泽区人民政府', '淮安市洪泽区人民政府', '320813', '320813', true],
    ['洪泽区人民政府', '淮安市洪泽区人民政府', null, null, true],
    ['化隆县人民政府', '化隆回族自治县人民政府', '630224', '630224', true],
    ['化隆县人民政府', '化隆回族自治县人民政府', null, null, true],
    ['化隆县', '化隆回族自治县人民政府', null, '630224', true],
    ['化隆县人民政府', '化隆县人民政府办公室', '630224', '630224', false],
    ['化隆县人民政府', '互助土族自治县人民政府', '630224', '630223', false],
    ['淮安市人民政府', '淮安市洪泽区人民政府', '320800', '320813', false],
  ])('%s (Y−1) ~ %s (Y): %s', (prevName, name, prevCode, code, same) => {
    const prev = makeReport({}, { agency: prevName, year: 2022, region: region(prevName, prevCode) });
    const cur = makeReport({}, { agency: name, region: region(name, code) });
    expect(findPrevious(cur, [prev, cur]) === prev).toBe(same);
  });

  it.each([
    ['淮安市洪泽区人民政府', '320813', '320813|人民政府'],
    ['化隆回族自治县人民政府', null, '化隆县|人民政府'],
    ['平罗县人民政府办公室', '640221', '640221|人民政府办公室'],
  ])('agencyKey(%s, %s) = %s', (agency, code, key) => {
    expect(agencyKey(makeReport({}, { agency, region: region(agency, code) }))).toBe(key);
  });

  it('a report is not its own previous year', () => {
    const r = makeReport();
    expect(findPrevious(r, [r, makeReport({}, { year: 2021 })])).toBeUndefined();
  });
});
