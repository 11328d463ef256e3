// One clerk (or several, one after another: the floor of the ten-clerk bench), as its own process on an
// archive others use at the same time: imports its workbook (one transaction), files the year, edits a
// record everyone edits (from the version it read, re-reading when refused), and searches between its
// writes. Prints what each clerk did as one JSON line.
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { closeArchive, openArchive } from '../../src/main/core/archive';
import { importWorkbooks } from '../../src/main/core/import/import';
import { getRecord, updateRecord } from '../../src/main/core/records/repository';
import { searchRecords } from '../../src/main/core/records/search';
import { isSanwuError } from '../../src/shared/errors';

const [location, clerkList, workbookList, year, shared, rounds, workDir] = process.argv.slice(2);

async function work(clerk: string, workbook: string): Promise<void> {
  const ctx = await openArchive(location!, { actor: `clerk${clerk}`, workDir: workDir || undefined });
  const out = { clerk: Number(clerk), imported: 0, filed: 0, edits: [] as string[], refused: 0, searches: 0 };
  const search = async () => {
    for (const q of ['例会', '监督委员会', '']) {
      await searchRecords(ctx, { q, limit: 50 });
      out.searches++;
    }
  };
  try {
    await search();
    const result = await importWorkbooks(ctx, { files: [workbook] });
    if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.errors.slice(0, 3))}`);
    out.imported = result.imported.records;
    await search();
    out.filed = (await fileYear(ctx, { year: Number(year) })).filed;
    await search();
    for (let i = 0; i < Number(rounds); i++) {
      const tag = `c${clerk}r${i}`;
      for (;;) {
        const r = await getRecord(ctx, Number(shared));
        try {
          await updateRecord(ctx, r.id, { notes: `${r.notes} ${tag}`.trim() }, r.version);
          out.edits.push(tag);
          break;
        } catch (e) {
          if (!isSanwuError(e) || !/请刷新后再改/.test(e.message)) throw e;
          out.refused++;
          // as a clerk would: read the message, refresh, then try again
          await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
        }
      }
    }
    await search();
  } finally {
    await closeArchive(ctx);
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

const workbooks = workbookList!.split(',');
for (const [n, clerk] of clerkList!.split(',').entries()) await work(clerk, workbooks[n]!);
