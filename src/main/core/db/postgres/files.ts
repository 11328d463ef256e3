// The attachments' bytes of a server archive, in the database itself (one engine holds and backs up
// everything; no shared folder): file_blobs names each stored file by its SHA-256, file_chunks holds
// its bytes in 1 MiB pieces, written in one transaction of their own (all or nothing) and never
// overwritten. Files handed to the desktop or the browser are copied to a local cache, verified.
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CompiledQuery } from 'kysely';
import type pg from 'pg';
import { SanwuError } from '../../../../shared/errors';
import { hashFile } from '../../attachments/store';
import type { FileStore, StoredFile } from '../engine';
import type { Trx } from '../handles';

type Run = (text: string, params: unknown[]) => Promise<unknown>;

export const CHUNK_BYTES = 1 << 20;

/** The pieces of a file, read as a stream of exactly CHUNK_BYTES each (the last one shorter). */
async function* chunksOfFile(path: string): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let size = 0;
  for await (const piece of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    pending.push(piece);
    size += piece.length;
    while (size >= CHUNK_BYTES) {
      const all = Buffer.concat(pending);
      yield all.subarray(0, CHUNK_BYTES);
      pending = [all.subarray(CHUNK_BYTES)];
      size = pending[0]!.length;
    }
  }
  if (size > 0 || pending.length === 0) yield Buffer.concat(pending);
}

function* chunksOfBuffer(data: Uint8Array): Generator<Buffer> {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length === 0) yield buf;
  for (let at = 0; at < buf.length; at += CHUNK_BYTES) yield buf.subarray(at, at + CHUNK_BYTES);
}

export function serverFileStore(writers: pg.Pool, readers: pg.Pool, cacheDir: string): FileStore {
  const has = async (sha256: string) => (await readers.query('SELECT 1 FROM file_blobs WHERE sha256 = $1', [sha256])).rowCount! > 0;

  /** Writes the pieces under `expected` through `run`; refuses (throws) if they do not hash to it. */
  async function write(run: Run, expected: StoredFile, pieces: AsyncIterable<Buffer> | Iterable<Buffer>, at: string): Promise<void> {
    const hash = createHash('sha256');
    let seq = 0;
    let size = 0;
    for await (const piece of pieces) {
      hash.update(piece);
      size += piece.length;
      await run('INSERT INTO file_chunks (sha256, seq, data) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [expected.sha256, seq++, piece]);
    }
    if (hash.digest('hex') !== expected.sha256 || size !== expected.size) {
      throw new SanwuError('CONFLICT', '附件文件在读取期间被改动，未保存。请确认文件不再变化后重新添加。');
    }
    await run('INSERT INTO file_blobs (sha256, size, chunks, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [expected.sha256, size, seq, at]);
  }

  /** Stores the pieces in one transaction of their own (all or nothing), or in `into`. */
  async function put(expected: StoredFile, pieces: AsyncIterable<Buffer> | Iterable<Buffer>, at: string, into?: Trx): Promise<StoredFile> {
    if (into) {
      const present = await into.executeQuery(CompiledQuery.raw('SELECT 1 FROM file_blobs WHERE sha256 = $1', [expected.sha256]));
      if (present.rows.length === 0) await write((text, params) => into.executeQuery(CompiledQuery.raw(text, params)), expected, pieces, at);
      return expected;
    }
    if (await has(expected.sha256)) return expected;
    const client = await writers.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      await write((text, params) => client.query(text, params), expected, pieces, at);
      await client.query('COMMIT');
      return expected;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => (broken = true));
      throw e;
    } finally {
      client.release(broken);
    }
  }

  async function* pieces(sha256: string): AsyncGenerator<Buffer> {
    const blob = await readers.query<{ chunks: number }>('SELECT chunks FROM file_blobs WHERE sha256 = $1', [sha256]);
    if (blob.rows.length === 0) throw new SanwuError('NOT_FOUND', `附件文件 ${sha256.slice(0, 12)}… 不在数据库中。请运行 sanwu check 检查档案库。`);
    for (let seq = 0; seq < blob.rows[0]!.chunks; seq++) {
      const row = await readers.query<{ data: Buffer }>('SELECT data FROM file_chunks WHERE sha256 = $1 AND seq = $2', [sha256, seq]);
      if (row.rows.length === 0) throw new SanwuError('ARCHIVE_CORRUPT', `附件文件 ${sha256.slice(0, 12)}… 在数据库中不完整。请运行 sanwu check 检查档案库。`);
      yield row.rows[0]!.data;
    }
  }

  const now = () => new Date().toISOString();

  return {
    async putFile(path, placing) {
      const expected = { sha256: await hashFile(path), size: statSync(path).size };
      return put(expected, chunksOfFile(path), now(), placing?.trx);
    },
    putBuffer(data, placing) {
      const expected = { sha256: createHash('sha256').update(data).digest('hex'), size: data.length };
      return put(expected, chunksOfBuffer(data), now(), placing?.trx);
    },
    has,
    async head(sha256, bytes = 4096) {
      const row = await readers.query<{ data: Buffer }>('SELECT substring(data FROM 1 FOR $2) AS data FROM file_chunks WHERE sha256 = $1 AND seq = 0', [sha256, bytes]);
      if (row.rows.length === 0) throw new SanwuError('NOT_FOUND', `附件文件 ${sha256.slice(0, 12)}… 不在数据库中。`);
      return row.rows[0]!.data;
    },
    open: async (sha256) => Readable.from(pieces(sha256)),
    async localPath(sha256) {
      const target = join(cacheDir, sha256.slice(0, 2), sha256);
      if (existsSync(target)) return target;
      mkdirSync(join(cacheDir, sha256.slice(0, 2)), { recursive: true });
      const tmp = join(cacheDir, `.incoming-${randomBytes(8).toString('hex')}`);
      try {
        const hash = createHash('sha256');
        await pipeline(
          Readable.from(pieces(sha256)),
          async function* (source: AsyncIterable<Buffer>) {
            for await (const piece of source) {
              hash.update(piece);
              yield piece;
            }
          },
          createWriteStream(tmp),
        );
        if (hash.digest('hex') !== sha256) throw new SanwuError('ARCHIVE_CORRUPT', `附件文件 ${sha256.slice(0, 12)}… 的内容与其摘要不符（已被改动）。请运行 sanwu check 检查档案库。`);
        renameSync(tmp, target);
        return target;
      } finally {
        rmSync(tmp, { force: true });
      }
    },
    async *digests() {
      const rows = await readers.query<{ sha256: string }>('SELECT sha256 FROM file_blobs ORDER BY sha256');
      for (const r of rows.rows) yield r.sha256;
    },
  };
}
