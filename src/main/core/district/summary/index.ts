// `sanwu summary` (DESIGN.md "Upward: the district"): the district's summary of its street offices'
// year — {年度}年度全区三务公开汇总表.xlsx and {年度}年度全区三务公开工作情况报告.docx — each written
// beside its target and moved into place when whole (with `zip`, both in one .zip for a download).
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import yazl from 'yazl';
import type { LongTaskOptions } from '../../../../shared/domain';
import { cancelled } from '../../../../shared/errors';
import type { ReportSettings } from '../../../../shared/report';
import type { ArchiveContext } from '../../context';
import { discard, moveIntoPlace } from '../../package/staging';
import { loadReportSettings } from '../../reports/settings';
import { besideTarget, clearOutput } from '../../transient';
import { requireDistrict } from '../kind';
import { summaryData } from './data';
import { summaryReportBuffer } from './docx';
import { writeSummaryWorkbook } from './xlsx';

export interface SummaryRequest {
  year: number;
  out: string;
  zip?: boolean;
}

export interface SummaryWritten {
  dir: string;
  files: string[];
  zipPath?: string;
}

export const summaryNames = (year: number) => ({
  workbook: `${year}年度全区三务公开汇总表.xlsx`,
  report: `${year}年度全区三务公开工作情况报告.docx`,
  zip: `${year}年度全区三务公开汇总.zip`,
});

/** The street offices' default 主送机关 is the district's own office: a district reports to the 区人民政府. */
const DISTRICT_ADDRESSEE = '区人民政府';
function districtSettings(s: ReportSettings): ReportSettings {
  return s.addressee === '区民政局' ? { ...s, addressee: DISTRICT_ADDRESSEE } : s;
}

async function zipFiles(files: [path: string, name: string][], target: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [path, name] of files) zip.addFile(path, name);
  const out = createWriteStream(target);
  zip.outputStream.pipe(out);
  zip.end();
  await once(out, 'close');
}

export async function writeSummary(ctx: ArchiveContext, req: SummaryRequest, opts: LongTaskOptions = {}): Promise<SummaryWritten> {
  await requireDistrict(ctx, '生成全区汇总');
  const dir = resolve(req.out);
  await mkdir(dir, { recursive: true });
  for (const message of clearOutput(dir)) ctx.log.info(message);
  const names = summaryNames(req.year);
  const targets = [join(dir, names.workbook), join(dir, names.report), ...(req.zip ? [join(dir, names.zip)] : [])];
  const staged = targets.map((t) => besideTarget(t, 'partial'));
  const step = (done: number, message: string) => {
    if (opts.signal?.aborted) throw cancelled();
    opts.onProgress?.({ phase: '全区汇总', done, total: targets.length + 1, message });
  };
  try {
    step(0, '读取各街道报送的数据');
    const data = await summaryData(ctx, req.year);
    step(1, names.workbook);
    await writeSummaryWorkbook(staged[0]!, data);
    step(2, names.report);
    await writeFile(staged[1]!, await summaryReportBuffer(data, districtSettings(await loadReportSettings(ctx.db))));
    if (req.zip) {
      step(3, names.zip);
      await zipFiles([[staged[0]!, names.workbook], [staged[1]!, names.report]], staged[2]!);
    }
    if (opts.signal?.aborted) throw cancelled();
    for (const [i, t] of targets.entries()) await moveIntoPlace(staged[i]!, t);
    opts.onProgress?.({ phase: '全区汇总', done: targets.length + 1, total: targets.length + 1, message: '完成' });
    return { dir, files: targets.slice(0, 2), ...(req.zip ? { zipPath: targets[2] } : {}) };
  } finally {
    for (const s of staged) await discard(s);
  }
}
