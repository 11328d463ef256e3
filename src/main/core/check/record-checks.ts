// The catalogue checks: one scan brings back the records some check may object to (record-suspects.ts),
// the cells survey the 件号 runs; each check's JS then judges those few rows.
import type { CheckProblem } from '../../../shared/check';
import type { Statements } from '../db';
import type { KindIndex } from '../records/vocabulary';
import { codePrefilter, codeProblems } from './archival-code-checks';
import { dateProblems, datePrefilter, duplicateDocPrefilter, duplicateDocProblems, enumerationPrefilter, enumerationProblems } from './authenticity';
import { surveyCells } from './cells';
import { metadataPrefilter, requiredMetadataProblems, unfiledPrefilter, unfiledProblems, type FilingDeadlines } from './integrity';
import { gapProblems } from './item-gaps';
import { loadCommunities, loadSuspects } from './record-suspects';

export interface RecordCheckOptions {
  template: string;
  kinds: KindIndex;
  /** YYYY-MM-DD */
  today: string;
  deadlines: FilingDeadlines;
}

/** code-format, code-parts, duplicate-code, duplicate-doc, enumeration, date, item-gap, metadata, unfiled — in that order */
export function recordProblems(q: Statements, opts: RecordCheckOptions): CheckProblem[] {
  const cells = surveyCells(q);
  const communities = loadCommunities(q);
  const suspects = loadSuspects(
    q,
    [
      codePrefilter(opts.template, cells, communities),
      duplicateDocPrefilter(q),
      enumerationPrefilter(opts.kinds),
      datePrefilter(opts.today),
      metadataPrefilter,
      unfiledPrefilter(opts.today, opts.deadlines),
    ].filter((p) => p !== null),
  );
  return [
    ...codeProblems(q, suspects, opts.template, communities),
    ...duplicateDocProblems(suspects),
    ...enumerationProblems(suspects, opts.kinds),
    ...dateProblems(suspects, opts.today),
    ...gapProblems(q, cells),
    ...requiredMetadataProblems(suspects),
    ...unfiledProblems(suspects, communities, opts.today, opts.deadlines),
  ];
}

export function countRecords(q: Statements): number {
  return q.value<number>('SELECT count(*) FROM records')!;
}
