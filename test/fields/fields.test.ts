// The field rules every way in shares (src/shared/fields): each unambiguous form accepted, the rest
// refused in Chinese, nothing guessed or silently changed.
import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/shared/fields/dates';
import { parseAmount, parseCount, parseDecimal } from '../../src/shared/fields/numbers';
import { recordFieldIssues } from '../../src/shared/fields/record';
import type { FieldValue } from '../../src/shared/fields/text';

describe('dates', () => {
  it.each<[FieldValue, string]>([
    [new Date(Date.UTC(2025, 2, 5)), '2025-03-05'],
    [new Date(Date.UTC(2025, 2, 5, 14, 30)), '2025-03-05'],
    [45721, '2025-03-05'],
    [45721.75, '2025-03-05'],
    [20250305, '2025-03-05'],
    ['2025-3-5', '2025-03-05'],
    ['2025/03/05', '2025-03-05'],
    ['2025.3.5', '2025-03-05'],
    ['2025年3月5日', '2025-03-05'],
    ['2025 年 3 月 5 日', '2025-03-05'],
    ['２０２５－０３－０５', '2025-03-05'],
    ['２０２５年３月５日', '2025-03-05'],
    ['20250305', '2025-03-05'],
    ['45721', '2025-03-05'],
    ['2025/3/5 0:00', '2025-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('accepts %j', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ value: iso });
  });

  it.each<[FieldValue, string]>([
    ['2025-13-01', '无法识别“2025-13-01”，请填写如 2025-03-05'],
    ['2025-02-29', '无法识别“2025-02-29”，请填写如 2025-03-05'],
    ['3/5/2025', '“3/5/2025”的月、日顺序不明确，请按 年-月-日 填写，如 2025-03-05'],
    ['25.3.5', '“25.3.5”的年份只有两位，请写全四位年份，如 2025-03-05'],
    ['2025-03', '“2025-03”缺少日，请写到日，如 2025-03-05'],
    ['2025/3-5', '无法识别“2025/3-5”，请填写如 2025-03-05'],
    ['三月五日', '无法识别“三月五日”，请填写如 2025-03-05'],
    ['1900-01-01', '年份“1900-01-01”不在 1949—2100 之间，请核对'],
    [12, '无法识别“12”，请填写如 2025-03-05'],
    [true, '无法识别“true”，请填写如 2025-03-05'],
  ])('refuses %j', (raw, message) => {
    expect(parseDate(raw)).toEqual({ error: message });
  });
});

describe('amounts and counts', () => {
  it.each<[FieldValue, number]>([
    [20000, 20000],
    ['20,000.00', 20000],
    ['2万', 20000],
    ['2.5万元', 25000],
    ['１５０００', 15000],
    ['２００００', 20000],
    ['¥1,234.56', 1234.56],
    ['  300 元 ', 300],
    [0.1 + 0.2, 0.3],
  ])('accepts amount %j', (raw, yuan) => {
    expect(parseAmount(raw)).toEqual({ value: yuan });
  });

  it.each<[FieldValue, string]>([
    ['2,00', '无法识别金额“2,00”，请填写数字（单位：元），如 20000、20,000.00 或 2万'],
    ['两万', '无法识别金额“两万”，请填写数字（单位：元），如 20000、20,000.00 或 2万'],
    ['-5', '金额“-5”不能为负数；支出请填在“支出金额”'],
    [-5, '金额“-5”不能为负数；支出请填在“支出金额”'],
    [1.234, '金额“1.234”最多保留两位小数（到分），如 1234.56'],
    ['12abc34.5x', '无法识别金额“12abc34.5x”，请填写数字（单位：元），如 20000、20,000.00 或 2万'],
  ])('refuses amount %j', (raw, message) => {
    expect(parseAmount(raw)).toEqual({ error: message });
  });

  it('reads counts and decimals with their units', () => {
    expect(parseCount('12页')).toEqual({ value: 12 });
    expect(parseCount('1,274')).toEqual({ value: 1274 });
    expect(parseCount(2.5)).toEqual({ error: '无法识别“2.5”，请填写非负整数，如 12' });
    expect(parseDecimal('1.2平方公里')).toEqual({ value: 1.2 });
    expect(parseDecimal('350㎡')).toEqual({ value: 350 });
    expect(parseDecimal('很大')).toEqual({ error: '无法识别“很大”，请填写非负数字，如 2.5' });
  });

  it.each(['1e5', 'Infinity', 'NaN', '0x10', '１２abc', '1,2345', '--5', '5-', '2万万', '', ' '])('never reads a number out of %j', (raw) => {
    expect('error' in parseAmount(raw)).toBe(true);
    expect('error' in parseCount(raw)).toBe(true);
  });

  it('reads pages as a whole number not below the minimum', () => {
    expect(parseCount('-3', 1)).toEqual({ error: '无法识别“-3”，请填写不小于 1 的整数，如 12' });
    expect(parseCount('0', 1)).toEqual({ error: '“0”小于 1，请填写不小于 1 的整数，如 12' });
    expect(parseCount(-3)).toEqual({ error: '“-3”小于 0，请填写非负整数，如 12' });
    expect(parseCount('３页', 1)).toEqual({ value: 3 });
  });
});

describe('record rules', () => {
  const today = '2026-12-04';
  it('refuses dates after today, a disclosure before the document and fewer than one page', () => {
    expect(recordFieldIssues({ date: '2026-12-04', disclosureDate: '2026-12-04', pages: 1 }, today)).toEqual([]);
    expect(recordFieldIssues({ date: '2026-12-05', disclosureDate: '2026-12-01', pages: 0 }, today)).toEqual([
      { field: 'date', message: '成文日期 2026-12-05 晚于今天（2026-12-04）' },
      { field: 'disclosureDate', message: '公开日期 2026-12-01 早于成文日期 2026-12-05' },
      { field: 'pages', message: '页数应不小于 1' },
    ]);
    expect(recordFieldIssues({ date: '2026-01-01', disclosureDate: '2027-01-01' }, today)).toEqual([
      { field: 'disclosureDate', message: '公开日期 2027-01-01 晚于今天（2026-12-04）' },
    ]);
  });
});
