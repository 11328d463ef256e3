// Copies of a package's files made while they are verified: temporary files in the store's folder
// (named for this process, so a crash's leftovers are cleared at the next start), moved to their place
// only inside the transaction that records the package. A file the store already holds is only hashed.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { place, storedPath, type PlacedJournal } from '../attachments/store';
import { transientName } from '../transient';

export class Staging {
  readonly #staged = new Map<string, string>();
  readonly #temporary = new Set<string>();

  constructor(private readonly filesDir: string) {}

  /** Whether the store already holds a file of this digest. */
  has(sha256: string | undefined): boolean {
    return sha256 !== undefined && (this.#staged.has(sha256) || existsSync(storedPath(this.filesDir, sha256)));
  }

  /** A temporary file to copy an entry into. */
  newFile(): string {
    mkdirSync(this.filesDir, { recursive: true });
    const tmp = join(this.filesDir, transientName('.', 'incoming'));
    this.#temporary.add(tmp);
    return tmp;
  }

  /** The copy in `tmp` turned out to hold `sha256`. */
  keep(tmp: string, sha256: string): void {
    if (this.has(sha256)) this.drop(tmp);
    else this.#staged.set(sha256, tmp);
  }

  keepBuffer(data: Buffer, sha256: string): void {
    if (this.has(sha256)) return;
    const tmp = this.newFile();
    writeFileSync(tmp, data);
    this.#staged.set(sha256, tmp);
  }

  drop(tmp: string): void {
    rmSync(tmp, { force: true });
    this.#temporary.delete(tmp);
  }

  /** Inside the recording transaction: every staged copy to its place, under the writer's journal. */
  placeAll(journal: PlacedJournal): void {
    for (const [sha256, tmp] of this.#staged) {
      place(this.filesDir, tmp, sha256, journal);
      // gone when it was moved; still there when the store had the file meanwhile
      this.drop(tmp);
    }
    this.#staged.clear();
  }

  /** Whatever was not placed goes. */
  discard(): void {
    for (const tmp of this.#temporary) rmSync(tmp, { force: true });
    this.#temporary.clear();
    this.#staged.clear();
  }
}
