// The server database's own consistency, from its catalogues and constraints: indexes valid, triggers
// (the append-only and status guards) enabled, constraints validated, the character-pair index in step
// with the records, every stored file whole, nothing stored that no attachment names; with `full`,
// amcheck's verification of every B-tree index (where the amcheck extension is installed).
import { sql, type Kysely } from 'kysely';
import type { ReadDb, WriteDb } from '../handles';
import type { DB } from '../schema';
import { inSnapshot } from './snapshot';

export interface ServerFinding {
  /** database: the server's structures; store: the attachments' bytes */
  kind: 'database' | 'store';
  message: string;
  /** the record concerned, where there is one */
  record?: number;
  /** a stored file no attachment names (check --fix moves it out) */
  stray?: string;
}

const rows = async <T>(db: Kysely<DB>, query: ReturnType<typeof sql<T>>): Promise<T[]> => (await query.execute(db)).rows;

export async function serverConsistency(db: ReadDb, full: boolean): Promise<{ findings: ServerFinding[]; amcheck: boolean | null; strays: string[] }> {
  return inSnapshot(db, async (s) => {
    const findings: ServerFinding[] = [];
    const say = (kind: ServerFinding['kind'], message: string, record?: number) => findings.push({ kind, message, ...(record ? { record } : {}) });
    for (const r of await rows(s, sql<{ name: string }>`SELECT c.relname AS name FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND NOT (x.indisvalid AND x.indisready) ORDER BY 1`)) {
      say('database', `数据库索引 ${r.name} 无效（建立中断或已损坏）；请由数据库管理员重建索引（REINDEX）。`);
    }
    for (const r of await rows(s, sql<{ name: string; table: string }>`SELECT t.tgname AS name, c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled = 'D' ORDER BY 1`)) {
      say('database', `数据库触发器 ${r.name}（表 ${r.table}）已被停用：保护档案的规则（不删除、只追加、状态只按流程变）失效；请立即由管理员恢复，并核对此后的改动。`);
    }
    for (const r of await rows(s, sql<{ name: string }>`SELECT c.conname AS name FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE n.nspname = current_schema() AND NOT c.convalidated ORDER BY 1`)) {
      say('database', `数据库约束 ${r.name} 未经验证，表中可能有违反它的数据；请由数据库管理员验证约束（VALIDATE CONSTRAINT）。`);
    }
    const grams = await rows(s, sql<{ id: number }>`SELECT r.id FROM records r LEFT JOIN record_grams g ON g.record_id = r.id
        WHERE g.grams IS DISTINCT FROM sanwu_grams(r.title, r.responsible, r.doc_number, r.notes, r.archival_code) ORDER BY r.id LIMIT 100`);
    for (const r of grams) say('database', `记录 ${r.id} 的检索索引与记录内容不一致，检索可能查不到它；请重建检索索引。`, r.id);
    const total = await rows(s, sql<{ counted: number; records: number }>`SELECT coalesce((SELECT records FROM search_term_counts WHERE term = 0), 0) AS counted, (SELECT count(*) FROM records) AS records`);
    if (total[0]!.counted !== total[0]!.records) say('database', `检索计数与档案记录数不一致（计 ${total[0]!.counted} 件，实有 ${total[0]!.records} 件），检索的总数会出错；请重建检索索引。`);
    if (full) {
      const off = await rows(s, sql<{ term: string }>`SELECT coalesce(c.term, t.term)::text AS term FROM search_term_counts c
          FULL JOIN (SELECT term, count(*) AS records FROM records r, unnest(sanwu_grams(r.title, r.responsible, r.doc_number, r.notes, r.archival_code) || sanwu_triples(r.title, r.responsible, r.doc_number, r.notes, r.archival_code)) AS term GROUP BY term) AS t USING (term)
         WHERE coalesce(c.term, t.term) <> 0 AND coalesce(c.records, 0) <> coalesce(t.records, 0) LIMIT 10`);
      if (off.length > 0) say('database', `检索计数与记录内容不一致（${off.length} 个检索词），检索的总数会出错；请重建检索索引。`);
    }
    for (const r of await rows(s, sql<{ sha256: string }>`SELECT b.sha256 FROM file_blobs b
        WHERE b.chunks <> (SELECT count(*) FROM file_chunks c WHERE c.sha256 = b.sha256)
           OR b.size <> (SELECT coalesce(sum(length(c.data)), 0) FROM file_chunks c WHERE c.sha256 = b.sha256) ORDER BY 1`)) {
      say('store', `数据库中的附件文件 ${r.sha256.slice(0, 12)}… 不完整（分块缺失或大小不符）；请从备份恢复。`);
    }
    for (const r of await rows(s, sql<{ sha256: string }>`SELECT DISTINCT c.sha256 FROM file_chunks c WHERE NOT EXISTS (SELECT 1 FROM file_blobs b WHERE b.sha256 = c.sha256) ORDER BY 1`)) {
      say('store', `数据库中有不属于任何文件的附件数据块（${r.sha256.slice(0, 12)}…），可能是写入中断的残留。`);
    }
    const strays: string[] = [];
    for (const r of await rows(s, sql<{ sha256: string }>`SELECT b.sha256 FROM file_blobs b WHERE NOT EXISTS (SELECT 1 FROM attachments a WHERE a.sha256 = b.sha256) ORDER BY 1`)) {
      findings.push({ kind: 'store', message: `数据库中存有未被任何档案引用的文件 ${r.sha256.slice(0, 12)}…（多为导入中断的残留，或被人为放入）；可用“检查并隔离”移出。`, stray: r.sha256 });
      strays.push(r.sha256);
    }
    let amcheck: boolean | null = null;
    if (full) {
      amcheck = (await rows(s, sql<{ ok: boolean }>`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'amcheck') AS ok`))[0]!.ok;
      if (amcheck) {
        const indexes = await rows(s, sql<{ name: string }>`SELECT c.relname AS name FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_am am ON am.oid = c.relam
           WHERE n.nspname = current_schema() AND am.amname = 'btree' AND x.indisvalid ORDER BY 1`);
        for (const ix of indexes) {
          await sql`SAVEPOINT amcheck`.execute(s);
          try {
            await sql`SELECT bt_index_check(${ix.name}::regclass, true)`.execute(s);
            await sql`RELEASE SAVEPOINT amcheck`.execute(s);
          } catch (e) {
            await sql`ROLLBACK TO SAVEPOINT amcheck`.execute(s);
            // not allowed to run it (the extension's functions are for the administrator by default)
            if ((e as { code?: string }).code === '42501') {
              amcheck = false;
              break;
            }
            say('database', `数据库索引 ${ix.name} 未通过 amcheck 校验（${(e as Error).message}）；请由数据库管理员重建索引。`);
          }
        }
      }
    }
    return { findings, amcheck, strays };
  });
}

/** Takes a stored file that no attachment names out of the database (after check --fix saved a copy). */
export async function removeStoredFile(ctx: { write: WriteDb }, sha256: string): Promise<void> {
  await ctx.write.transaction(async (trx) => {
    const named = await trx.selectFrom('attachments').select('id').where('sha256', '=', sha256).executeTakeFirst();
    if (named) return;
    await sql`DELETE FROM file_chunks WHERE sha256 = ${sha256}`.execute(trx);
    await sql`DELETE FROM file_blobs WHERE sha256 = ${sha256}`.execute(trx);
  });
}
