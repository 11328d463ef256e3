// Titles broken by meaning: lines end only between words, fit the text block, upper lines no
// shorter than lower ones (上长下短) and as even as the words allow.
import { describe, expect, it } from 'vitest';
import { TITLE_CHARS } from '../../src/main/core/reports/docx/layout';
import { breakTitle, displayWidth } from '../../src/main/core/reports/docx/title';
import { STANDARDS } from '../../src/main/core/standards/catalogue';
import { indicatorList } from '../../src/main/core/reports/assessment';

/** every line boundary falls between two of the words */
function boundariesBetweenWords(words: string[], lines: string[]): boolean {
  const cuts = new Set<number>();
  let at = 0;
  for (const w of words) cuts.add((at += w.length));
  let pos = 0;
  return lines.slice(0, -1).every((l) => cuts.has((pos += l.length)));
}

describe('titles broken by meaning', () => {
  it('keeps a short title on one line', () => {
    expect(breakTitle(['归档文件目录'])).toEqual(['归档文件目录']);
    expect(breakTitle(['备考表'])).toEqual(['备考表']);
  });

  it('breaks the work report title into two balanced lines, the upper the longer', () => {
    expect(breakTitle(['幸福路街道办事处', '关于', '2025年度', '三务公开工作', '情况的报告'])).toEqual(['幸福路街道办事处关于2025年度', '三务公开工作情况的报告']);
    // the old title left 告 alone on line 2
    const lines = breakTitle(['幸福路街道办事处', '2025年度', '三务公开', '工作报告']);
    expect(lines).toEqual(['幸福路街道办事处2025年度', '三务公开工作报告']);
  });

  it('breaks every self-assessment title between words, fitting, 上长下短', () => {
    const communities = ['桃源社区', '幸福里社区', '文化路社区', '沙河村', '青松路社区', '东湖新村社区居民委员会'];
    for (const community of communities) {
      for (const s of STANDARDS) {
        const words = [community, '2025年度', ...s.shortName, '自评报告'];
        const lines = breakTitle(words);
        expect(lines.join(''), community).toBe(words.join(''));
        expect(boundariesBetweenWords(words, lines), `${lines.join(' / ')}`).toBe(true);
        for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(TITLE_CHARS);
        for (let i = 1; i < lines.length; i++) expect(displayWidth(lines[i]!), lines.join(' / ')).toBeLessThanOrEqual(displayWidth(lines[i - 1]!));
      }
    }
  });

  it('never breaks inside a name; cuts a word only when it alone overflows a line', () => {
    const lines = breakTitle(['新疆生产建设兵团第一师阿拉尔市幸福路街道办事处', '关于', '2025年度', '三务公开工作', '情况的报告']);
    expect(lines.every((l) => displayWidth(l) <= TITLE_CHARS)).toBe(true);
    expect(lines.join('')).toBe('新疆生产建设兵团第一师阿拉尔市幸福路街道办事处关于2025年度三务公开工作情况的报告');
  });

  it('counts half-width letters and digits as half a character', () => {
    expect(displayWidth('2025年度')).toBe(4);
    expect(displayWidth('S101')).toBe(2);
  });

  it('lists indicator ids compactly, runs of three or more as ranges, the standard named once', () => {
    expect(indicatorList(['BJ-NCSQ-01', 'BJ-NCSQ-02', 'BJ-NCSQ-03', 'BJ-NCSQ-05', 'BJ-NCSQ-06', 'BJ-NCSQ-08', 'BJ-NCSQ-09', 'BJ-NCSQ-10'])).toBe('BJ-NCSQ-01—03、05、06、08—10');
    expect(indicatorList(['WH-DJ-08A', 'WH-DJ-08B', 'BJ-MZFZ-03'])).toBe('WH-DJ-08A、08B、BJ-MZFZ-03');
  });
});
