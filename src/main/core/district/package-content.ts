// What an annual reporting package says, read from its records.json (src/shared/records-json.ts) and
// held against its bag: the schema, the office bag-info.txt names, Sanwu-Created, its own counts and
// audit figures, its communities, and every carried file in the manifest. The result is the rows the
// district keeps (content.ts).
import { RECORDS_SCHEMA_VERSION, recordsJsonSchema, type RecordsJson, type RecordsJsonStandard } from '../../../shared/records-json';
import { assessedCount, isVetoed, scoreOf } from '../standards/score';
import { infoField, joinProblems, type BagTags } from './bag-tags';
import type { CommunityRow, RecordRow } from './content';
import { fault } from './fault';

export const RECORDS_PATH = 'data/records.json';

/** Sanwu-Created: ISO 8601 to the second (DESIGN.md). */
const CREATED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

export interface PackageHead {
  office: { name: string; code: string };
  year: number;
  /** Sanwu-Created as an instant (ISO, UTC) */
  created: string;
  /** the day its audit judged as of */
  asOf: string;
}

/** What bag-info.txt says, before records.json is read: enough to know the office and the time. */
export function packageHead(tags: BagTags): { office: string; created: string } {
  const office = infoField(tags, 'Source-Organization');
  if (!office) throw fault('bag-info.txt 没有写明报送单位（Source-Organization），无法知道是哪个街道的报送包');
  const created = infoField(tags, 'Sanwu-Created');
  if (!created) throw fault('bag-info.txt 没有生成时间（Sanwu-Created），无法判断报送包的新旧；请用新版本软件重新生成报送包');
  if (!CREATED.test(created) || Number.isNaN(Date.parse(created))) throw fault(`bag-info.txt 的生成时间（Sanwu-Created）“${created}”不是精确到秒的 ISO 8601 时间`);
  return { office, created: new Date(created).toISOString() };
}

function parseJson(data: Buffer): RecordsJson {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(data));
  } catch {
    throw fault('records.json 不是有效的 UTF-8 JSON 文件');
  }
  const version = (doc as { schema?: unknown } | null)?.schema;
  if (version !== RECORDS_SCHEMA_VERSION) {
    throw fault(
      typeof version === 'string' && version.startsWith('sanwu.records/')
        ? `records.json 的格式版本是 ${version}，本软件读取 ${RECORDS_SCHEMA_VERSION}；请用新版本软件重新生成报送包`
        : 'records.json 不是三务档案的报送数据（缺少格式版本 schema）',
    );
  }
  const parsed = recordsJsonSchema.safeParse(doc);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.map((p) => (typeof p === 'number' ? `[${p + 1}]` : `.${String(p)}`)).join('') || '整体'}：${i.message}`);
    throw fault(`records.json 的内容不合格式：${issues.join('；')}`);
  }
  return parsed.data;
}

/** A standard's figures must follow from its own indicators (records.json's own counts). */
function standardProblems(community: string, s: RecordsJsonStandard): string[] {
  const indicators = s.indicators.map((i) => ({ ...i, evidence: [] }));
  const out: string[] = [];
  const name = `社区“${community}”的${s.name ?? s.id}考评`;
  if (s.assessed !== assessedCount(indicators)) out.push(`${name}写有已评指标 ${s.assessed} 项，指标明细中却有 ${assessedCount(indicators)} 项`);
  const awaiting = indicators.filter((i) => i.status === 'manual').length;
  if (s.awaiting !== awaiting) out.push(`${name}写有待认定指标 ${s.awaiting} 项，指标明细中却有 ${awaiting} 项`);
  if (s.score !== scoreOf(indicators)) out.push(`${name}的得分 ${s.score ?? '无'} 与指标明细算出的 ${scoreOf(indicators) ?? '无'} 不符`);
  if (s.vetoed !== isVetoed(indicators)) out.push(`${name}的一票否决与指标明细不符`);
  return out;
}

export interface PackageContent {
  head: PackageHead;
  communities: CommunityRow[];
  records: RecordRow[];
  /** carried copies: path in the bag → the record's index in `records` */
  carried: Map<string, number>;
}

/** Reads records.json against the bag: refuses (naming every disagreement found) or returns the rows. */
export function packageContent(tags: BagTags, data: Buffer): PackageContent {
  const payload = new Set(tags.payload);
  const bag = packageHead(tags);
  const doc = parseJson(data);
  const problems: string[] = [];
  if (doc.office.name !== bag.office) problems.push(`bag-info.txt 写的报送单位“${bag.office}”与 records.json 的“${doc.office.name}”不一致`);
  if (Date.parse(doc.generatedAt) !== Date.parse(bag.created)) problems.push(`records.json 的生成时间 ${doc.generatedAt} 与 bag-info.txt 的 Sanwu-Created ${bag.created} 不一致`);

  const communities = new Map<string, string>();
  const communityRows: CommunityRow[] = [];
  for (const c of doc.communities) {
    if (communities.has(c.code)) problems.push(`records.json 中全宗号 ${c.code} 属于两个社区（“${communities.get(c.code)}”和“${c.name}”）`);
    if ([...communities.values()].includes(c.name)) problems.push(`records.json 中社区“${c.name}”出现了两次`);
    communities.set(c.code, c.name);
    for (const s of c.audit) problems.push(...standardProblems(c.name, s));
    const p = c.profile;
    communityRows.push([c.code, c.name, c.type, p.households, p.population, p.areaKm2, p.residentUnits, p.stationArea, p.weeklyHours, JSON.stringify(c.audit), c.completeness ? JSON.stringify(c.completeness) : null]);
  }

  const recordRows: RecordRow[] = [];
  const carried = new Map<string, number>();
  const ids = new Set<number>();
  let attachments = 0;
  for (const [i, r] of doc.records.entries()) {
    const where = `records.json 第 ${i + 1} 件档案（${r.archivalCode ?? r.title.slice(0, 20)}）`;
    if (ids.has(r.id)) problems.push(`${where}的编号 ${r.id} 重复`);
    ids.add(r.id);
    if (communities.get(r.communityCode) !== r.community) problems.push(`${where}属于社区“${r.community}”（全宗号 ${r.communityCode}），报送包的社区中没有`);
    if (r.year !== doc.year || !r.date.startsWith(String(doc.year))) problems.push(`${where}的年度 ${r.year} 不是报送年度 ${doc.year}`);
    attachments += r.attachments.length;
    for (const a of r.attachments) {
      if (a.file === undefined) continue;
      if (!payload.has(a.file)) problems.push(`${where}的附件“${a.originalName}”应在包中的“${a.file}”，但清单中没有这个文件`);
      else if (carried.has(a.file)) problems.push(`${where}与另一件档案共用包中的文件“${a.file}”`);
      else carried.set(a.file, recordRows.length);
    }
    recordRows.push([
      r.communityCode, r.id, r.affair, r.kind, r.disclosure ? 1 : 0, r.title, r.responsible, r.docNumber, r.date, r.year, r.disclosureDate, r.disclosureChannel,
      r.pages, r.retention, r.income, r.expense, r.fundCategory, r.notes, r.secrecy, r.archivalCode, r.boxNo, r.status, r.attachments.length,
    ]);
    if (problems.length > 20) break;
  }
  if (doc.counts) {
    const { counts } = doc;
    if (counts.records !== doc.records.length) problems.push(`records.json 写有档案 ${counts.records} 件，实有 ${doc.records.length} 件`);
    if (counts.communities !== doc.communities.length) problems.push(`records.json 写有社区 ${counts.communities} 个，实有 ${doc.communities.length} 个`);
    if (counts.attachments !== attachments) problems.push(`records.json 写有附件 ${counts.attachments} 个，实有 ${attachments} 个`);
  }
  if (problems.length > 0) throw fault(joinProblems(problems));

  return { head: { office: doc.office, year: doc.year, created: bag.created, asOf: doc.asOf }, communities: communityRows, records: recordRows, carried };
}
