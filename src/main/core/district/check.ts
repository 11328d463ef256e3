// What `check` holds a district's archive to, beside what it checks of every archive: each received
// package's pack is in the store as received (fixity, in the same scan as attachments: the pack's
// digest pins every file in it), and its content rows still give the digest its audited state
// records (content.ts).
import type { CheckProblem } from '../../../shared/check';
import type { FileScan } from '../check/scan-files';
import { problem } from '../check/problems';
import type { Reader } from '../db/handles';
import { contentDigest, readContent } from './content';

export interface ReceivedPack {
  sha256: string;
  /** the package, as messages name it */
  package: string;
}

const SAY = '请核查，并从最近的备份恢复；也可请该街道重新报送。';

/** The pack of every package received (replaced ones too: they are kept). */
export async function receivedPacks(db: Reader): Promise<ReceivedPack[]> {
  const rows = await db
    .selectFrom('district_packages as p')
    .innerJoin('district_offices as o', 'o.id', 'p.office_id')
    .select(['p.pack', 'p.name', 'p.year', 'o.name as office'])
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({ sha256: r.pack, package: `${r.office}${r.year}年度的“${r.name}”` }));
}

/** Each pack against its scan: missing, changed or unreadable (its files with it). */
export function receivedPackProblems(packs: ReceivedPack[], scanOf: (sha256: string) => FileScan | undefined): CheckProblem[] {
  const out: CheckProblem[] = [];
  for (const p of packs) {
    const scan = scanOf(p.sha256);
    const where = `接收的${p.package}的文件包 files/${p.sha256.slice(0, 2)}/${p.sha256}`;
    if (!scan || (scan.state === 'read' && scan.sha256 === p.sha256)) continue;
    if (scan.state === 'missing') out.push(problem('missing-file', 'integrity', null, `${where}不见了，包中的文件都无法查看：${SAY}`));
    else if (scan.state === 'unreadable') out.push(problem('unreadable-file', 'usability', null, `${where}无法读取（${scan.error}）：${SAY}`));
    else out.push(problem('fixity', 'authenticity', null, `${where}与接收时的摘要不符（已被改动或损坏）：${SAY}`));
  }
  return out;
}

/** Every package's content rows against the digest recorded when it was received. */
export async function contentProblems(db: Reader): Promise<CheckProblem[]> {
  const packages = await db
    .selectFrom('district_packages as p')
    .innerJoin('district_offices as o', 'o.id', 'p.office_id')
    .select(['p.id', 'p.name', 'p.year', 'p.content_digest', 'o.name as office'])
    .orderBy('p.id')
    .execute();
  const out: CheckProblem[] = [];
  for (const p of packages) {
    if (contentDigest(await readContent(db, p.id)) === p.content_digest) continue;
    out.push(
      problem(
        'district-content',
        'authenticity',
        null,
        `接收的${p.office}${p.year}年度的“${p.name}”（编号 ${p.id}）在数据库中的内容与接收时登记的不一致：它被绕过本软件直接改动过；${SAY}`,
      ),
    );
  }
  return out;
}
