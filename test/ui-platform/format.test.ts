// The renderer's counts and money as zh-CN writes them (counts grouped without Intl, money by Intl on first use).
import { describe, expect, it } from 'vitest';
import { formatCount, formatMoney } from '../../src/renderer/src/format';

describe('display formats', () => {
  it('groups a count as zh-CN does', () => {
    for (const n of [0, 7, 999, 1000, 12345, 200118, 1234567, 1000000000]) expect(formatCount(n)).toBe(n.toLocaleString('zh-CN'));
  });
  it('writes money in yuan with two decimals', () => {
    expect(formatMoney(1234.5)).toBe('1,234.50 元');
    expect(formatMoney(null)).toBe('—');
  });
});
