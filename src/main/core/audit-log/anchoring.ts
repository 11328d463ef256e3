// Keeping the anchor in step with the log (around every write transaction) and judging the log
// against it (the check). A write moves the anchor only when the log still ends where the anchor says:
// after a rewrite, the anchor stays where it was and every later check reports the difference.
import { sql } from 'kysely';
import type { Clock } from '../context';
import { engineOf, type CommitHooks, type Reader, type Statements, type Trx } from '../db';
import { GENESIS_HASH } from './append';
import { sameHead, type AnchorStore, type AuditHead, type SignedAnchor } from './anchor';

const GENESIS: AuditHead = { seq: 0, hash: GENESIS_HASH };

export async function headOf(db: Reader): Promise<AuditHead> {
  const row = await db.selectFrom('audit_log').select(['id', 'hash']).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row ? { seq: row.id, hash: row.hash } : GENESIS;
}

/** The archive's identity, or null before migration 0003 (or while it is being applied). */
export async function identityOf(db: Trx): Promise<string | null> {
  try {
    return await engineOf(db).attempt(db, async () => (await sql<{ uuid: string }>`SELECT uuid FROM archive_identity WHERE id = 1`.execute(db)).rows[0]?.uuid ?? null);
  } catch {
    return null;
  }
}

export function headIn(q: Statements): AuditHead {
  const row = q.get<{ id: number; hash: string }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
  return row ? { seq: row.id, hash: row.hash } : GENESIS;
}

export interface Anchoring {
  store: AnchorStore;
  /** the archive folder */
  dir: string;
  clock: Clock;
  /**
   * A server archive: other clerks' writes lengthen the log between this computer's own, so the anchor
   * vouches for the log up to its head (that entry still there with its hash), not for its end.
   */
  shared?: boolean;
}

const hashIn = async (t: Trx, seq: number): Promise<string | undefined> =>
  (await t.selectFrom('audit_log').select('hash').where('id', '=', seq).executeTakeFirst())?.hash;

const valid = (store: AnchorStore, a: SignedAnchor | null): a is SignedAnchor => a !== null && store.verify(a) === 'valid';

/** Whether the log still holds the anchored entry, with its hash. */
const stillIn = async (t: Trx, store: AnchorStore, a: SignedAnchor | null): Promise<boolean> => valid(store, a) && (await hashIn(t, a.seq)) === a.hash;

/**
 * Before commit: the head this write is about to commit becomes the anchor's pending head, provided the
 * log still began where the anchor (confirmed or pending) ended. After commit: it becomes confirmed.
 */
export function anchorHooks({ store, dir, clock, shared = false }: Anchoring): CommitHooks {
  return {
    begin: async (trx) => {
      // Before migration 0001 there is no log yet: the creating transaction starts from nothing.
      const start = await engineOf(trx).attempt(trx, () => headOf(trx)).catch(() => GENESIS);
      let wrote: SignedAnchor | null = null;
      return {
        beforeCommit: async (t) => {
          const end = await headOf(t);
          if (sameHead(end, start)) return;
          const archive = await identityOf(t);
          if (archive === null) return;
          const at = clock.now().toISOString();
          const { anchor, unreadable } = store.read(dir, archive);
          if (unreadable || (anchor && anchor.archive !== archive)) return;
          let confirmed: SignedAnchor | null;
          if (!anchor) {
            // First write this profile sees for this folder: anchored from here on.
            confirmed = start.seq > 0 ? store.sign(archive, start, at) : null;
          } else if (valid(store, anchor.pending) && sameHead(start, anchor.pending)) {
            confirmed = anchor.pending;
          } else if ((anchor.confirmed === null && start.seq === 0) || (valid(store, anchor.confirmed) && sameHead(start, anchor.confirmed))) {
            confirmed = anchor.confirmed;
          } else if (shared && (await stillIn(t, store, anchor.pending))) {
            confirmed = store.sign(archive, start, at); // others wrote after our last head, which is still there
          } else if (shared && (await stillIn(t, store, anchor.confirmed))) {
            confirmed = store.sign(archive, start, at);
          } else {
            return; // the log no longer ends where the anchor says: leave it for the check to report
          }
          wrote = store.sign(archive, end, at);
          store.write(dir, archive, confirmed, wrote);
        },
        afterCommit: () => {
          if (!wrote) return;
          const { anchor } = store.read(dir, wrote.archive);
          // Ours is pending, or (a writer of another process overwrote the file meanwhile) the anchor
          // still ends where this write began: either way this write's head is now the confirmed one.
          const ours = sameHead(anchor?.pending, wrote) || (anchor?.pending === null && sameHead(anchor.confirmed, start));
          if (ours) store.write(dir, wrote.archive, wrote, null);
        },
      };
    },
  };
}

export interface AnchorJudgement {
  /** the head the check saw, signed (null when no anchor folder is set) */
  anchor: SignedAnchor | null;
  /** what the anchor shows was done to the log (Chinese, one finding each) */
  problems: string[];
  /** said in the report, not a problem */
  notice: string | null;
}

const RESTORE = '请从最近的备份恢复档案库（sanwu restore），并查明是谁绕过本软件改动了档案文件。';

/** Where the log and the anchor part: `hashAt` gives the stored hash of an entry (undefined: no such entry). */
function departure(ref: SignedAnchor, head: AuditHead, hashAt: (seq: number) => string | undefined): string {
  const when = `本机 ${ref.at.slice(0, 19).replace('T', ' ')} 记录的日志末尾是第 ${ref.seq} 条`;
  const stored = hashAt(ref.seq);
  if (stored === undefined) {
    const gone = ref.seq - head.seq;
    return `操作日志末尾的 ${gone} 条（第 ${head.seq + 1}–${ref.seq} 条）已被删除：${when}，现在只到第 ${head.seq} 条。${RESTORE}`;
  }
  if (stored !== ref.hash) return `操作日志被改写过：${when}，其哈希与现在的第 ${ref.seq} 条不符（日志被删改后重新计算了哈希链）。${RESTORE}`;
  return `操作日志第 ${ref.seq + 1}–${head.seq} 条不是本软件在本机写入的（${when}），可能是伪造后追加的。若这些操作确是在其他电脑或其他 Windows 用户下用三务档案完成的，请在那里检查；否则${RESTORE}`;
}

export function judgeAnchor(
  store: AnchorStore | null,
  dir: string,
  archive: string | null,
  head: AuditHead,
  hashAt: (seq: number) => string | undefined,
  at: string,
  shared = false,
): AnchorJudgement {
  if (!store || archive === null) return { anchor: null, problems: [], notice: '未设置锚点文件夹，本次未与锚点核对操作日志。' };
  const signed = store.sign(archive, head, at);
  const { anchor, unreadable } = store.read(dir, archive);
  if (unreadable) return { anchor: signed, problems: [`本机保存的锚点文件已损坏或被改动（${store.dir}），无法核对操作日志。${RESTORE}`], notice: null };
  if (!anchor) return { anchor: signed, problems: [], notice: '本机首次检查这个档案文件夹：已从现在起记录锚点，今后的检查将据此核对操作日志。' };
  if (anchor.archive !== archive) {
    return { anchor: signed, problems: [`这个文件夹里的档案库已不是本机上次记录的那一个（档案库标识由 ${anchor.archive} 变为 ${archive}），可能被整个替换过。${RESTORE}`], notice: null };
  }
  const heads = [anchor.confirmed, anchor.pending].filter((a): a is SignedAnchor => a !== null);
  if (heads.some((a) => store.verify(a) === 'forged')) return { anchor: signed, problems: [`本机保存的锚点记录被改动过（签名不符），无法据此核对操作日志。${RESTORE}`], notice: null };
  if (heads.some((a) => sameHead(a, head))) return { anchor: signed, problems: [], notice: null };
  if (heads.length === 0) return { anchor: signed, problems: [], notice: null };
  // Judge against the pending head when the log still holds it, else against the confirmed one.
  const ref = anchor.pending && hashAt(anchor.pending.seq) === anchor.pending.hash ? anchor.pending : (anchor.confirmed ?? anchor.pending!);
  if (shared && ref.seq < head.seq && hashAt(ref.seq) === ref.hash) {
    return { anchor: signed, problems: [], notice: `操作日志第 ${ref.seq + 1}–${head.seq} 条是其他电脑上的用户在本机上次记录之后写入的（服务器上的档案库由多人共用）；此前的日志与本机记录相符。` };
  }
  return { anchor: signed, problems: [departure(ref, head, hashAt)], notice: null };
}
