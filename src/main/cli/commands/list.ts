// `sanwu list`: records matching filters and text, as an aligned table or the DESIGN.md JSON shape.
import type { DistrictRecord } from '../../../shared/district';
import type { ArchiveRecord } from '../../../shared/domain';
import { RECORD_LABELS as L } from '../../../shared/labels';
import type { Affair } from '../../../shared/vocabulary';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

/** Shown in the table when --limit is not given; --json without --limit gives every match. */
const TABLE_LIMIT = 100;
const ALL = 100_000;

const command: Command = {
  summary: '查询档案',
  usage:
    'sanwu list --db DIR [--year Y] [--community 社区] [--affair 党务|居务|财务] [--kind 事项] [--q 文字或档号] [--voided] [--office 街道] [--limit N] [--json] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    year: { type: 'number' },
    community: { type: 'string' },
    affair: { type: 'string' },
    kind: { type: 'string' },
    q: { type: 'string' },
    voided: { type: 'boolean' },
    office: { type: 'string' },
    limit: { type: 'number' },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const f = args.flags;
    const query = contractInput(
      'records.search',
      {
        year: f.year as number | undefined,
        community: f.community as string | undefined,
        affair: f.affair as Affair | undefined,
        kind: f.kind as string | undefined,
        q: f.q as string | undefined,
        voided: f.voided ? true : undefined,
        limit: (f.limit as number | undefined) ?? (f.json ? ALL : TABLE_LIMIT),
      },
      { year: '--year', community: '--community', affair: '--affair', kind: '--kind', q: '--q', voided: '--voided', limit: '--limit' },
    );
    const office = f.office as string | undefined;
    const result = await withContract(args, io, async ({ call }) =>
      (await call('app.info', {})).district
        ? received(await call('district.records', { year: query.year, office, community: query.community, affair: query.affair, kind: query.kind, q: query.q, limit: query.limit }))
        : call('records.search', query),
    );
    if (f.json) {
      printJson(io, { total: result.total, records: result.records.map(listItem) });
      return 0;
    }
    io.stdout(table(result.records));
    const more = result.total > result.records.length ? `，显示前 ${result.records.length} 条（用 --limit 调整）` : '';
    io.stdout(`共 ${result.total} 条${more}\n`);
    return 0;
  },
};
export default command;

/** A district's archive lists what its street offices reported, each record naming its office. */
type Listed = Pick<ArchiveRecord, 'id' | 'community' | 'affair' | 'kind' | 'title' | 'date' | 'archivalCode' | 'retention' | 'status' | 'attachments'> & {
  office?: string;
  voidedAt?: string | null;
};

function received(r: { total: number; records: DistrictRecord[] }): { total: number; records: Listed[] } {
  return { total: r.total, records: r.records.map((x) => ({ ...x, affair: x.affair ?? ('' as Affair), retention: x.retention as ArchiveRecord['retention'], status: x.status as ArchiveRecord['status'] })) };
}

function listItem(r: Listed) {
  return {
    ...(r.office !== undefined ? { office: r.office } : {}),
    id: r.id,
    community: r.community,
    affair: r.affair,
    kind: r.kind,
    title: r.title,
    date: r.date,
    archivalCode: r.archivalCode,
    retention: r.retention,
    status: r.status,
    attachments: r.attachments,
  };
}

const HEADERS = ['编号', L.archivalCode, L.date, L.community, L.affair, L.kind, L.title, L.retention, L.status, L.attachments];
const OFFICE = '街道办事处';
const TITLE_WIDTH = 40;

function table(records: Listed[]): string {
  if (records.length === 0) return '没有符合条件的档案。\n';
  const offices = records.some((r) => r.office !== undefined);
  const rows = records.map((r) => [
    ...(offices ? [r.office ?? ''] : []),
    String(r.id),
    r.archivalCode ?? '（未归档）',
    r.date,
    r.community,
    r.affair,
    r.kind,
    clip(r.title, TITLE_WIDTH),
    r.retention,
    r.voidedAt ? '已作废' : r.status,
    String(r.attachments),
  ]);
  const headers = offices ? [OFFICE, ...HEADERS] : HEADERS;
  const widths = headers.map((h, i) => Math.max(displayWidth(h), ...rows.map((row) => displayWidth(row[i]!))));
  const line = (cells: string[]) => `${cells.map((c, i) => pad(c, widths[i]!)).join('  ').trimEnd()}\n`;
  return [headers, ...rows].map(line).join('');
}

/** Terminal columns: CJK and full-width characters take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));

function clip(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(`${out}${ch}…`) > width) break;
    out += ch;
  }
  return `${out}…`;
}
