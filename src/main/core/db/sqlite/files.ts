// The attachments' bytes of a SQLite archive: files/<aa>/<sha256> beside archive.sqlite.
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { storeBuffer, storedPath, storeFile } from '../../attachments/store';
import type { FileStore } from '../engine';

const DIGEST = /^[0-9a-f]{64}$/;

export function diskFileStore(filesDir: string): FileStore {
  return {
    putFile: (path, placing) => storeFile(filesDir, path, placing?.journal),
    putBuffer: async (data, placing) => storeBuffer(filesDir, data, placing?.journal),
    has: async (sha256) => existsSync(storedPath(filesDir, sha256)),
    head: async (sha256, bytes = 4096) => {
      const handle = await open(storedPath(filesDir, sha256), 'r');
      try {
        const buf = Buffer.alloc(bytes);
        const { bytesRead } = await handle.read(buf, 0, bytes, 0);
        return buf.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    open: async (sha256) => createReadStream(storedPath(filesDir, sha256)),
    localPath: async (sha256) => storedPath(filesDir, sha256),
    async *digests() {
      if (!existsSync(filesDir)) return;
      for (const dir of readdirSync(filesDir).sort()) {
        if (!/^[0-9a-f]{2}$/.test(dir)) continue;
        for (const f of readdirSync(join(filesDir, dir)).sort()) if (DIGEST.test(f) && f.startsWith(dir)) yield f;
      }
    },
  };
}
