// The records of issue 12's "Done when", as rows a clerk writes: real and text dates, amounts as text and
// numbers, full-width digits, stray spaces, XML-special characters, 附件 naming scans; a new community
// and roster entries. `withoutScans` is the same without the 附件 column's paths (for a plain upload).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMMUNITY_HEADERS, RECORD_HEADERS, ROSTER_HEADERS } from './fixtures';
import type { SheetSpec, Value } from './writers';

const d = (date: string) => ({ date });
/** 档案登记 rows in the template's column order: real dates, text dates, amounts as text and numbers, 附件. */
export const RECORDS: Value[][] = [
  ['桃源社区', '居务', '居务监督委员会例会', '居务监督委员会3月例会记录', '桃源社区居务监督委员会', '', d('2025-03-05'), '2025/3/8', '公开栏', 2, null, null, null, null, '纪要&<>"\'另附', '附件/3月例会记录.pdf；附件/公开栏照片.jpg'],
  ['桃源社区', '财务', '惠民资金公开', '2025年第一季度惠民资金使用情况公开', '桃源社区居民委员会', '桃财〔2025〕1号', '2025年4月1日', d('2025-04-03'), '公开栏', 3, '定期30年', '20,000.00', 1234.5, '惠民资金', null, '附件/惠民资金.pdf'],
  ['梅园社区', '党务', '主题党日', '梅园社区党支部５月主题党日活动记录', '梅园社区党支部', '', '2025-05-20', null, '公开栏', 1, null, null, null, null, '  前后有空格  ', null],
  ['梅园社区', '居务', '居民会议', '梅园社区2025年居民会议决议', '梅园社区居民委员会', '梅居〔2025〕2号', d('2025-06-30'), '2025-07-02', '微信群', 4, '永久', null, null, null, null, '附件/公开栏照片.jpg'],
];
/** 桃源社区 as the test archives already hold it (unchanged), 梅园社区 new. */
export const COMMUNITIES: Value[][] = [
  ['桃源社区', 'S101', '城市', 1274, null, null, null, null, null],
  ['梅园社区', 'S102', '农村', 800, 2000, 1.1, 5, 200, 40],
];
export const ROSTER: Value[][] = [
  ['桃源社区', '法律顾问', '张明（某某律师事务所）', d('2024-01-01'), null, '每月驻点两次'],
  ['梅园社区', '志愿者队伍', '梅园志愿队', '2023-05-01', null, null],
];

export const book = (records: Value[][] = RECORDS, headers: string[] = RECORD_HEADERS): SheetSpec[] => [
  { name: '档案登记', rows: [headers, ...records] },
  { name: '社区概况', rows: [COMMUNITY_HEADERS, ...COMMUNITIES] },
  { name: '人员与组织', rows: [ROSTER_HEADERS, ...ROSTER] },
];

export const SCANS: Record<string, string> = {
  '附件/3月例会记录.pdf': '%PDF-1.4 3月例会记录',
  '附件/公开栏照片.jpg': '\xff\xd8\xff\xe0 公开栏照片',
  '附件/惠民资金.pdf': '%PDF-1.4 惠民资金',
};

export function withScans(dir: string): string {
  for (const [rel, text] of Object.entries(SCANS)) {
    mkdirSync(join(dir, '附件'), { recursive: true });
    writeFileSync(join(dir, rel), text, 'latin1');
  }
  return dir;
}

/** The rows without 附件 paths. */
export const withoutScans = (records: Value[][] = RECORDS): Value[][] => records.map((r) => [...r.slice(0, 15), null]);
