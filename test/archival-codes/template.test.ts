import { describe, expect, it } from 'vitest';
import { archivalCodePattern, renderArchivalCode, templateProblems } from '../../src/main/core/archival-codes/template';

const parts = { fondsCode: 'A439', categoryCode: 'WS', year: 2015, retentionCode: 'D30', problemCode: 'JW', itemNo: 5 };

describe('档号 templates', () => {
  it('renders DA/T 22-2015 by default and matches its own pattern', () => {
    const code = renderArchivalCode(parts);
    expect(code).toBe('A439-WS·2015-D30-JW-0005');
    expect(archivalCodePattern().test(code)).toBe(true);
    expect(archivalCodePattern().test('A439-WS·2015-D30-JW-5')).toBe(false);
  });

  it('renders another template (a DA/T 13-like form) from the same parts, each template on its own', () => {
    const dat13 = '{全宗号}-{门类}·{年度}·{保管期限}-{件号}';
    expect(renderArchivalCode(parts, dat13)).toBe('A439-WS·2015·D30-0005');
    expect(renderArchivalCode(parts)).toBe('A439-WS·2015-D30-JW-0005');
    expect(archivalCodePattern(dat13).test('A439-WS·2015·D30-0005')).toBe(true);
  });

  it('names unknown fields and missing required ones in Chinese', () => {
    expect(templateProblems('{全宗号}-{年份}-{件号}')).toEqual(['档号模板中的“{年份}”不是可用的字段', '档号模板必须包含 {年度}', '档号模板必须包含 {保管期限}']);
  });
});
