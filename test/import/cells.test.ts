// Cell normalisation: every unambiguous form real sheets use is accepted, the rest refused in Chinese.
import { describe, expect, it } from 'vitest';
import { plainValue } from '../../src/main/core/import/cells';
import { parseDate } from '../../src/main/core/import/dates';
import { parseAmount, parseCount, parseDecimal } from '../../src/main/core/import/numbers';

describe('dates', () => {
  it.each<[unknown, string]>([
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
    [{ formula: 'DATE(2025,3,5)', result: new Date(Date.UTC(2025, 2, 5)) }, '2025-03-05'],
  ])('accepts %j', (raw, iso) => {
    expect(parseDate(plainValue(raw))).toEqual({ value: iso });
  });

  it.each<[unknown, string]>([
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
    expect(parseDate(plainValue(raw))).toEqual({ error: message });
  });
});

describe('amounts and counts', () => {
  it.each<[unknown, number]>([
    [20000, 20000],
    ['20,000.00', 20000],
    ['2万', 20000],
    ['2.5万元', 25000],
    ['１５０００', 15000],
    ['２００００', 20000],
    ['¥1,234.56', 1234.56],
    ['  300 元 ', 300],
    [0.1 + 0.2, 0.3],
    [{ formula: 'A1*2', result: 1500 }, 1500],
  ])('accepts amount %j', (raw, yuan) => {
    expect(parseAmount(plainValue(raw))).toEqual({ value: yuan });
  });

  it.each<[unknown, string]>([
    ['2,00', '无法识别金额“2,00”，请填写数字（单位：元），如 20000、20,000.00 或 2万'],
    ['两万', '无法识别金额“两万”，请填写数字（单位：元），如 20000、20,000.00 或 2万'],
    ['-5', '金额“-5”不能为负数；支出请填在“支出金额”列'],
    [-5, '金额“-5”不能为负数；支出请填在“支出金额”列'],
    [1.234, '金额“1.234”最多保留两位小数（到分），如 1234.56'],
    [{ error: '#DIV/0!' }, '无法识别金额“#DIV/0!”，请填写数字（单位：元），如 20000、20,000.00 或 2万'],
  ])('refuses amount %j', (raw, message) => {
    expect(parseAmount(plainValue(raw))).toEqual({ error: message });
  });

  it('reads counts and decimals with their units', () => {
    expect(parseCount(plainValue('12页'))).toEqual({ value: 12 });
    expect(parseCount(plainValue('1,274'))).toEqual({ value: 1274 });
    expect(parseCount(plainValue(2.5))).toEqual({ error: '无法识别“2.5”，请填写非负整数，如 12' });
    expect(parseDecimal(plainValue('1.2平方公里'))).toEqual({ value: 1.2 });
    expect(parseDecimal(plainValue('350㎡'))).toEqual({ value: 350 });
    expect(parseDecimal(plainValue('很大'))).toEqual({ error: '无法识别“很大”，请填写非负数字，如 2.5' });
  });

  it('turns rich text, hyperlinks and formulas into their values', () => {
    expect(plainValue({ richText: [{ text: '桃源' }, { text: '社区' }] })).toBe('桃源社区');
    expect(plainValue({ text: '照片', hyperlink: 'http://x' })).toBe('照片');
    expect(plainValue({ formula: 'A1&B1', result: '甲乙' })).toBe('甲乙');
    expect(plainValue({ sharedFormula: 'A1', result: 3 })).toBe(3);
    expect(plainValue({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ error: '#DIV/0!' });
  });
});
