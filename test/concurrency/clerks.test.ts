// Clerks at once, each its own process, on one archive of either engine: every one imports its workbook
// and files the year while the others search and edit a record they all share. No 件号 twice or
// skipped, the audit chain whole with no entry missing, no edit lost. (Speed: bench/clerks.bench.ts.)
import { describe, expect, it } from 'vitest';
import { ENGINES, tempDir, tempLocation } from '../helpers/archive';
import { runClerks } from './clerks';

describe.each(ENGINES)('clerks at once on %s', (engine) => {
  it('never gives a 件号 twice or skips one, keeps the chain whole and loses no edit', async () => {
    const tmp = tempDir();
    const where = await tempLocation(engine, tmp.dir);
    try {
      const run = await runClerks({ location: where.location, workDir: where.workDir, dir: tmp.dir, clerks: 4, rows: 60, rounds: 3 });
      expect(run.reports.map((r) => r.imported)).toEqual([60, 60, 60, 60]);
      expect(run.records).toBe(1 + 4 * 60);
      // every record of the year filed once, by whichever clerk came first
      expect(run.reports.reduce((n, r) => n + r.filed, 0)).toBe(1 + 4 * 60);
      expect(run.unfiled).toBe(0);
      expect(run.duplicateItemNumbers).toEqual([]);
      expect(run.skippedItemNumbers).toEqual([]);
      expect(run.chainBreaks).toBe(0);
      expect(run.missingAuditIds).toBe(0);
      expect(run.reports.flatMap((r) => r.edits)).toHaveLength(4 * 3);
      expect(run.lostEdits).toEqual([]);
      expect(run.reports.every((r) => r.searches > 0)).toBe(true);
    } finally {
      await where.drop();
      tmp.cleanup();
    }
  });
});
