// Ten clerks at once (issue 16), both engines in the same run: ten processes, each importing 1,000 rows
// and filing while the others search and edit a record they share — against one process doing all of
// that work alone, clerk after clerk (the floor). Targets: 0 duplicate or skipped 件号, an intact audit
// chain, 0 lost edits; total time ≤ 2× the floor.
import type { BenchFigures } from './run';
import { runClerks, type ClerksRun } from '../test/concurrency/clerks';
import { tempDir, tempLocation } from '../test/helpers/archive';
import { round } from './measure';
import { withPgServer } from './pg-server';

const CLERKS = Number(process.env.SANWU_BENCH_CLERKS ?? 10);
const ROWS = Number(process.env.SANWU_BENCH_CLERK_ROWS ?? 1000);
const ROUNDS = 5;

async function run(engine: 'sqlite' | 'postgres', together: boolean): Promise<ClerksRun> {
  const tmp = tempDir('sanwu-bench-clerks-');
  const where = await tempLocation(engine, tmp.dir);
  try {
    return await runClerks({ location: where.location, workDir: where.workDir, dir: tmp.dir, clerks: CLERKS, rows: ROWS, rounds: ROUNDS, together });
  } finally {
    await where.drop();
    tmp.cleanup();
  }
}

function figures(prefix: string, together: ClerksRun, alone: ClerksRun): BenchFigures {
  const failures = together.duplicateItemNumbers.length + together.skippedItemNumbers.length + together.chainBreaks + together.missingAuditIds + together.lostEdits.length + together.unfiled;
  return {
    [`${prefix}Clerks`]: CLERKS,
    [`${prefix}RowsEach`]: ROWS,
    [`${prefix}TogetherMs`]: round(together.ms, 0),
    [`${prefix}OneProcessMs`]: round(alone.ms, 0),
    [`${prefix}Ratio`]: round(together.ms / alone.ms),
    [`${prefix}DuplicateItemNumbers`]: together.duplicateItemNumbers.length,
    [`${prefix}SkippedItemNumbers`]: together.skippedItemNumbers.length,
    [`${prefix}ChainBreaks`]: together.chainBreaks,
    [`${prefix}MissingAuditIds`]: together.missingAuditIds,
    [`${prefix}LostEdits`]: together.lostEdits.length,
    [`${prefix}EditsRefusedAndRetried`]: together.reports.reduce((n, r) => n + r.refused, 0),
    [`${prefix}Searches`]: together.reports.reduce((n, r) => n + r.searches, 0),
    [`${prefix}Sound`]: failures === 0 && together.records === 1 + CLERKS * ROWS,
  };
}

export default async function clerksBench(): Promise<BenchFigures> {
  return withPgServer(async () => {
    const out: BenchFigures = {};
    for (const engine of ['sqlite', 'postgres'] as const) {
      const alone = await run(engine, false);
      const together = await run(engine, true);
      Object.assign(out, figures(engine, together, alone));
    }
    return out;
  });
}
