import { describe, expect, it } from 'vitest';
import {
  type CallbackData,
  fitsCallback,
  packCallback,
  unpackCallback,
} from '../../src/bot/callback-data.ts';

describe('callback data', () => {
  it.each<CallbackData>([
    { kind: 'ask', question: '化隆2024年行政处罚多少' },
    { kind: 'ask', question: 'a:b:c' },
    { kind: 'pick', index: 0 },
    { kind: 'pick', index: 12 },
    { kind: 'example', index: 2 },
  ])('round-trips %j', (data) => {
    const packed = packCallback(data);
    expect(Buffer.byteLength(packed)).toBeLessThanOrEqual(64);
    expect(unpackCallback(packed)).toEqual(data);
  });

  it.each([undefined, '', 'x:1', 'p:', 'p:abc', 'e:-1', 'a:', 'p:1234'])('rejects %j', (raw) => {
    expect(unpackCallback(raw)).toBeUndefined();
  });

  it('refuses questions over 64 bytes', () => {
    const long = '民和回族土族自治县人民政府2023年本年新收政府信息公开申请数量';
    expect(fitsCallback(long)).toBe(false);
    expect(() => packCallback({ kind: 'ask', question: long })).toThrow(RangeError);
    expect(fitsCallback('化隆2024年行政处罚多少')).toBe(true);
  });
});
