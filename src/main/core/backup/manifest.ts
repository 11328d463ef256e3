// What a backup holds, written as its last member and checked member by member on restore.
import { z } from 'zod';
import { signedAnchorSchema } from '../audit-log/anchor';

export const MANIFEST_NAME = 'sanwu-backup.json';
export const DATABASE_MEMBER = 'archive.sqlite';
export const BACKUP_FORMAT = 'sanwu-backup/1';

/** archive.sqlite, or an attachment at files/<aa>/<sha256> */
export const MEMBER_NAME = /^(?:archive\.sqlite|files\/([0-9a-f]{2})\/(\1[0-9a-f]{62}))$/;

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  createdAt: z.string(),
  office: z.string().nullable(),
  schemaVersion: z.number().int().positive(),
  /** the archive database's audit-log head, signed with the key kept outside the archive (null: not anchored) */
  anchor: signedAnchorSchema.nullable().optional(),
  members: z.array(z.object({ name: z.string().regex(MEMBER_NAME), size: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })),
});
export type BackupManifest = z.infer<typeof manifestSchema>;
