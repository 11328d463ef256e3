// Cell values as workbook readers give them, reduced to plain values; a cell holding an error value is refused.
import { describe, expect, it } from 'vitest';
import { plainValue } from '../../src/main/core/import/cells';
import { RECORDS_SHEET } from '../../src/main/core/import/columns';
import { parseCell } from '../../src/main/core/import/parse-cell';

describe('cells', () => {
  it('turns rich text, hyperlinks and formulas into their values', () => {
    expect(plainValue({ richText: [{ text: '桃源' }, { text: '社区' }] })).toBe('桃源社区');
    expect(plainValue({ text: '照片', hyperlink: 'http://x' })).toBe('照片');
    expect(plainValue({ formula: 'A1&B1', result: '甲乙' })).toBe('甲乙');
    expect(plainValue({ sharedFormula: 'A1', result: 3 })).toBe(3);
    expect(plainValue({ formula: '1/0', result: { error: '#DIV/0!' } })).toEqual({ error: '#DIV/0!' });
  });

  it('reads a formula result by its column and refuses error values', () => {
    const env = { baseDir: '.' };
    expect(parseCell(RECORDS_SHEET.columns.date, plainValue({ formula: 'DATE(2025,3,5)', result: new Date(Date.UTC(2025, 2, 5)) }), env)).toEqual({ value: '2025-03-05' });
    expect(parseCell(RECORDS_SHEET.columns.income, plainValue({ formula: 'A1*2', result: 1500 }), env)).toEqual({ value: 1500 });
    expect(parseCell(RECORDS_SHEET.columns.income, plainValue({ error: '#DIV/0!' }), env)).toEqual({ error: '单元格是错误值“#DIV/0!”，请改为实际内容' });
  });
});
