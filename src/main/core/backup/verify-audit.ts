// Before a backup is restored, its database must hold together: the audit chain unbroken, every row
// equal to the state its latest entry records, the signed anchor naming exactly this log's head, and
// every attachment in the backup referenced by a row. A backup forged by recomputing its manifest
// after editing the data, or after adding a file, is refused here.
import { hash } from 'node:crypto';
import { SanwuError } from '../../../shared/errors';
import type { AnchorStore, SignedAnchor } from '../audit-log/anchor';
import { chainHash, chainHashV2With, GENESIS_HASH } from '../audit-log/append';
import { decodeState } from '../audit-log/states';
import { auditArchiveFile } from '../db';
import { DATABASE_MEMBER, type BackupManifest } from './manifest';

const refused = (file: string, why: string): SanwuError =>
  new SanwuError('INVALID_INPUT', `${file} 不能用来恢复：${why}，未做任何修改。这个备份可能被改动过；请换一个备份文件，并查明它的来历。`);

/** Checks the unpacked database `db` against itself, its manifest and the anchor; returns notices. */
export function verifyBackupAudit(db: string, manifest: BackupManifest, file: string, anchors: AnchorStore | null): string[] {
  const audit = auditArchiveFile(db, { hash, v1: chainHash, v2: (prev, fields) => chainHashV2With(hash, prev, fields), genesis: GENESIS_HASH });
  const notices: string[] = [];
  const broken = audit.chain.breaks[0];
  if (broken) throw refused(file, `其中的操作日志第 ${broken.id} 条${broken.reason}`);
  if (audit.chain.entries !== audit.head.seq) throw refused(file, `其中的操作日志缺号（只有 ${audit.chain.entries} 条，编号却到第 ${audit.head.seq} 条）`);
  const d = audit.discrepancies[0];
  if (d) {
    const s = decodeState(d.entity, d.live ?? d.recorded) ?? {};
    const what = d.entity === 'record' ? `记录 ${d.id}${s.title ? `“${String(s.title)}”` : ''}` : d.entity === 'attachment' ? `附件“${String(s.original_name ?? '')}”` : `${d.entity} ${d.id ?? ''}`;
    throw refused(file, `其中的数据与操作日志不符（${what}${d.live === null ? '被删除' : d.recorded === null ? '未经本软件写入' : '被改动'}）`);
  }
  const stray = manifest.members.find((m) => m.name !== DATABASE_MEMBER && !audit.digests.has(m.name.slice(-64)));
  if (stray) throw refused(file, `其中的附件文件 ${stray.name} 没有任何档案记录引用`);
  if (audit.archive === null) {
    notices.push('这是旧版本的备份（没有锚点），已核对其操作日志的哈希链。');
    return notices;
  }
  const anchor: SignedAnchor | null | undefined = manifest.anchor;
  if (!anchor && !anchors) {
    notices.push('未设置锚点文件夹，未核对备份的锚点；已核对其操作日志与数据彼此一致。');
    return notices;
  }
  if (!anchor) throw refused(file, '备份缺少锚点（不是本软件完整写出的备份）');
  if (anchor.archive !== audit.archive || anchor.seq !== audit.head.seq || anchor.hash !== audit.head.hash) {
    throw refused(file, `备份的锚点（操作日志到第 ${anchor.seq} 条）与其中的操作日志（到第 ${audit.head.seq} 条）不符`);
  }
  const verdict = anchors?.verify(anchor) ?? 'unknown-key';
  if (verdict === 'forged') throw refused(file, '备份锚点的签名不符');
  if (verdict === 'unknown-key') notices.push('备份的锚点由另一台电脑或另一个用户的密钥签名，本机无法核验签名；已核对其操作日志与数据彼此一致。');
  return notices;
}
