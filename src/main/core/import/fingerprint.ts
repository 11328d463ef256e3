// Stable fingerprints of imported rows: the same row imports once, whichever file or line it is on.
import { createHash } from 'node:crypto';

export function rowFingerprint(kind: 'record' | 'roster', parts: readonly unknown[]): string {
  return `import:${kind}:${createHash('sha256').update(JSON.stringify(parts)).digest('hex')}`;
}
