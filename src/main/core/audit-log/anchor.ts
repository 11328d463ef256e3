// The audit log's head anchored OUTSIDE the archive: after every write the chain's head (sequence
// number + hash) is signed (HMAC-SHA256) with a key that is not in archive.sqlite and written to the
// anchor folder (the user's profile by default; a parameter of core). Whoever rewrites the file alone
// cannot make its log end where the anchor says it ends. The same signed head goes into backups,
// packages and check reports.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

export const ANCHOR_FORMAT = 'sanwu-anchor/1';

export interface AuditHead {
  /** the newest entry's id (0: no entry yet) */
  seq: number;
  hash: string;
}

export const signedAnchorSchema = z.object({
  archive: z.string().regex(/^[0-9a-f]{32}$/),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.string().max(40),
  /** which key signed it: the first 16 hex digits of the key's SHA-256 */
  key: z.string().regex(/^[0-9a-f]{16}$/),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type SignedAnchor = z.infer<typeof signedAnchorSchema>;

const anchorFileSchema = z.object({
  format: z.literal(ANCHOR_FORMAT),
  archive: z.string(),
  path: z.string(),
  /** the head after the last write known to have committed */
  confirmed: signedAnchorSchema.nullable(),
  /** the head a write was about to commit (a crash may have come between its commit and confirmation) */
  pending: signedAnchorSchema.nullable(),
});
export type AnchorFile = z.infer<typeof anchorFileSchema>;

export type Verdict = 'valid' | 'forged' | 'unknown-key';

export const sameHead = (a: AuditHead | null | undefined, b: AuditHead | null | undefined): boolean => !!a && !!b && a.seq === b.seq && a.hash === b.hash;

/** A synced temporary file beside `file` with `text` in it. */
function writeTemp(file: string, text: string): string {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/** Writes a small file so that a crash leaves the old content or the new, never a torn one. */
function writeWhole(file: string, text: string): void {
  renameSync(writeTemp(file, text), file);
}

/** Writes a small file whole unless one is there already: of two processes creating it at once, one wins. */
function writeOnce(file: string, text: string): void {
  const tmp = writeTemp(file, text);
  try {
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
}

export class AnchorStore {
  #key: Buffer | null = null;
  constructor(readonly dir: string) {}

  /** The signing key, created (random, readable by this user only) on first use. */
  key(): Buffer {
    if (this.#key) return this.#key;
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const file = join(this.dir, 'anchor.key');
    if (!existsSync(file)) writeOnce(file, randomBytes(32).toString('hex'));
    const hex = readFileSync(file, 'utf8').trim();
    if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error(`锚点密钥文件 ${file} 已损坏`);
    this.#key = Buffer.from(hex, 'hex');
    return this.#key;
  }

  keyId(): string {
    return createHash('sha256').update(this.key()).digest('hex').slice(0, 16);
  }

  #mac(a: Omit<SignedAnchor, 'key' | 'mac'>): string {
    return createHmac('sha256', this.key()).update(`${ANCHOR_FORMAT}|${a.archive}|${a.seq}|${a.hash}|${a.at}`).digest('hex');
  }

  sign(archive: string, head: AuditHead, at: string): SignedAnchor {
    const body = { archive, seq: head.seq, hash: head.hash, at };
    return { ...body, key: this.keyId(), mac: this.#mac(body) };
  }

  /** Whether this key signed `a`; 'unknown-key' when another key did (another computer or profile). */
  verify(a: SignedAnchor): Verdict {
    if (a.key !== this.keyId()) return 'unknown-key';
    const expected = Buffer.from(this.#mac(a), 'hex');
    const given = Buffer.from(a.mac, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'forged';
  }

  /** The anchor file of the archive folder `archiveDir` (by its real path). */
  #fileFor(path: string): string {
    return join(this.dir, `${createHash('sha256').update(path).digest('hex').slice(0, 24)}.json`);
  }

  #parse(file: string): AnchorFile | null {
    try {
      const parsed = anchorFileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /**
   * The anchor kept for the folder, or null when none. A folder that was moved finds its anchor under
   * its old path (same archive, old path gone) and takes it along; a copy (old path still there) starts
   * its own. `unreadable`: a file that is there but is not an anchor file (damaged or edited).
   */
  read(archiveDir: string, archive: string): { anchor: AnchorFile | null; unreadable: boolean } {
    const path = realpathSync(archiveDir);
    const file = this.#fileFor(path);
    if (existsSync(file)) {
      const anchor = this.#parse(file);
      return { anchor, unreadable: anchor === null };
    }
    if (!existsSync(this.dir)) return { anchor: null, unreadable: false };
    for (const name of readdirSync(this.dir)) {
      if (!name.endsWith('.json')) continue;
      const other = this.#parse(join(this.dir, name));
      if (other?.archive !== archive || existsSync(other.path)) continue;
      const moved = { ...other, path };
      writeWhole(file, `${JSON.stringify(moved, null, 2)}\n`);
      rmSync(join(this.dir, name), { force: true });
      return { anchor: moved, unreadable: false };
    }
    return { anchor: null, unreadable: false };
  }

  /** Records the folder's anchor: the confirmed head and the one a write is about to commit. */
  write(archiveDir: string, archive: string, confirmed: SignedAnchor | null, pending: SignedAnchor | null): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const path = realpathSync(archiveDir);
    const anchor: AnchorFile = { format: ANCHOR_FORMAT, archive, path, confirmed, pending };
    writeWhole(this.#fileFor(path), `${JSON.stringify(anchor, null, 2)}\n`);
  }

  /** Drops the folder's anchor (a restore puts another, verified log in place: anchored from its head on). */
  forget(archiveDir: string): void {
    if (existsSync(archiveDir)) rmSync(this.#fileFor(realpathSync(archiveDir)), { force: true });
  }

  /** Starts the folder's anchor afresh at `head`. */
  reset(archiveDir: string, archive: string, head: AuditHead, at: string): void {
    this.write(archiveDir, archive, this.sign(archive, head, at), null);
  }
}
