// A backup file sent to the archive's backups folder in pieces of 8 MB (backup.upload), in order; a
// refused piece ends the upload (the server keeps nothing of it).
import { api } from '../../api';
import { fileToBase64 } from '../../files';

const PIECE = 8 * 1024 * 1024;

/** Resolves with the stored backup's name; `onProgress` gets 0–100. */
export async function uploadBackup(file: File, onProgress: (percent: number) => void): Promise<string> {
  const upload = Array.from(crypto.getRandomValues(new Uint8Array(4)), (b) => b.toString(16).padStart(2, '0')).join('');
  for (let offset = 0; ; offset += PIECE) {
    const end = Math.min(file.size, offset + PIECE);
    const done = end >= file.size;
    const reply = await api.call('backup.upload', { upload, name: file.name, offset, dataBase64: await fileToBase64(file.slice(offset, end)), done });
    onProgress(file.size === 0 ? 100 : Math.round((end / file.size) * 100));
    if (done) return reply.name!;
  }
}
