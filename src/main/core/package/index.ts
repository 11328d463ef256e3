// The annual reporting package (DESIGN.md "The annual reporting package"): every document written
// into a staging folder, tagged as a BagIt bag, optionally zipped, then moved into place.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { AuditResult } from '../../../shared/audit';
import type { LongTaskOptions } from '../../../shared/domain';
import { cancelled, SanwuError } from '../../../shared/errors';
import type { ReportRequest, ReportResult } from '../../../shared/report';
import { isoDay, type ArchiveContext } from '../context';
import { standardLabel } from '../reports/assessment';
import { catalogueBoxes, catalogueVolumes } from '../reports/catalogue';
import { catalogueDocxBuffer } from '../reports/docx/catalogue';
import { selfAssessmentBuffer } from '../reports/docx/self-assessment';
import { workReportBuffer } from '../reports/docx/work-report';
import { evidenceIndex } from '../reports/evidence';
import { reportFacts } from '../reports/facts';
import { writeRecordsJson } from '../reports/records-json';
import { reportRequestSchema, resolveScope, type ReportScope } from '../reports/scope';
import { writeCatalogueWorkbook } from '../reports/xlsx/catalogue';
import { writeLedger } from '../reports/xlsx/ledger';
import { writeRetentionChecklist } from '../reports/xlsx/retention-checklist';
import { loadReportSettings } from '../reports/settings';
import { runAudit } from '../standards';
import { writeBagTags } from './bagit';
import { discard, moveIntoPlace, stagingDir } from './staging';
import { besideTarget, clearOutput } from '../transient';
import { headOf } from '../audit-log/anchoring';
import { zipBag } from './zip';

/** Windows refuses these in file names; an office, community or standard name could hold one. */
const safeName = (s: string) => s.replace(/[\\/:*?"<>|]/g, '_');

export const bagName = (office: string, year: number) => `${safeName(office)}_${year}年度三务公开报送包`;

/** The payload's file names (DESIGN.md), relative to data/. */
export const payloadNames = (year: number) => ({
  workReport: `01_${year}年度三务公开工作报告.docx`,
  ledger: `02_${year}年度三务公开台账.xlsx`,
  selfAssessments: '03_自评报告',
  catalogueDocx: `04_${year}年度归档文件目录.docx`,
  catalogueXlsx: `04_${year}年度归档文件目录.xlsx`,
  retention: '05_档案保管期限检查清单.xlsx',
  records: 'records.json',
});

async function assessment(ctx: ArchiveContext, scope: ReportScope): Promise<AuditResult> {
  const audit = await runAudit(ctx, { year: scope.year });
  const selected = new Set(scope.communities.map((c) => c.name));
  return { ...audit, communities: audit.communities.filter((c) => selected.has(c.community)) };
}

/** The archive's audit-log head when the package was made, signed when anchoring is on (bag-info.txt). */
async function anchorLine(ctx: ArchiveContext): Promise<string> {
  const head = await headOf(ctx.db);
  const archive = (await ctx.db.selectFrom('archive_identity').select('uuid').where('id', '=', 1).executeTakeFirst())?.uuid ?? '';
  const signed = ctx.anchors?.sign(archive, head, ctx.clock.now().toISOString());
  return `archive=${archive} seq=${head.seq} hash=${head.hash}${signed ? ` at=${signed.at} key=${signed.key} mac=${signed.mac}` : ''}`;
}

export async function buildReportPackage(ctx: ArchiveContext, request: ReportRequest, opts: LongTaskOptions = {}): Promise<ReportResult> {
  const parsed = reportRequestSchema.safeParse(request);
  if (!parsed.success) throw new SanwuError('INVALID_INPUT', `报送包参数不正确：${parsed.error.issues.map((i) => i.message).join('；')}。`);
  const req = parsed.data;
  const scope = await resolveScope(ctx, req);
  const outDir = resolve(req.outDir);
  await mkdir(outDir, { recursive: true });
  for (const message of clearOutput(outDir)) ctx.log.info(message);
  const name = bagName(scope.office.name, scope.year);
  const target = join(outDir, name);
  const staging = await stagingDir(target);
  const zipStaging = besideTarget(`${target}.zip`, 'partial');
  const data = join(staging, 'data');
  const files = payloadNames(scope.year);
  const { signal, onProgress } = opts;

  try {
    const audit = await assessment(ctx, scope);
    const perCommunity = scope.communities.flatMap((community) =>
      (audit.communities.find((c) => c.community === community.name)?.standards ?? []).map((standard) => ({ community, standard })),
    );
    const total = 7 + perCommunity.length + (req.zip ? 1 : 0);
    let done = 0;
    const step = async (message: string, work: () => Promise<unknown>) => {
      if (signal?.aborted) throw cancelled();
      onProgress?.({ phase: '报送包', done, total, message });
      await work();
      done++;
    };

    await mkdir(join(data, files.selfAssessments), { recursive: true });
    const [facts, settings, boxes, volumes] = await Promise.all([reportFacts(ctx, scope), loadReportSettings(ctx.db).then((s) => ({ ...s, ...req.settings })), catalogueBoxes(ctx, scope), catalogueVolumes(ctx, scope)]);
    // to the second: which of two packages of one office and year is the newer (DESIGN.md, district)
    const created = scope.reportDate.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const attachments = [
      `${scope.year}年度三务公开台账`,
      `各社区自评报告（${perCommunity.length}份）`,
      `${scope.year}年度归档文件目录`,
      '档案保管期限检查清单',
      `${scope.year}年度三务档案数据（电子文件）`,
    ];
    await step(files.workReport, async () =>
      writeFile(
        join(data, files.workReport),
        await workReportBuffer({ scope, facts, audit, settings, attachments, catalogue: { volumes: volumes.size, boxes: boxes.length }, nextSteps: req.nextSteps }),
      ),
    );
    await step(files.ledger, () => writeLedger(ctx, join(data, files.ledger), { scope, monthly: facts.monthly, audit, signal }));
    const evidence = await evidenceIndex(ctx, audit);
    for (const { community, standard } of perCommunity) {
      const file = join(data, files.selfAssessments, `${safeName(community.name)}_${safeName(standardLabel(standard))}自评报告.docx`);
      await step(relative(data, file), async () => writeFile(file, await selfAssessmentBuffer({ scope, community, standard, evidence, settings, asOf: audit.asOf })));
    }
    await step(files.catalogueDocx, async () => writeFile(join(data, files.catalogueDocx), await catalogueDocxBuffer(ctx, scope, boxes)));
    await step(files.catalogueXlsx, () => writeCatalogueWorkbook(ctx, join(data, files.catalogueXlsx), scope, boxes, signal));
    await step(files.retention, () => writeRetentionChecklist(ctx, join(data, files.retention), scope, signal));
    await step(files.records, () => writeRecordsJson(ctx, join(data, files.records), scope, audit, created, signal));
    let payload: string[] = [];
    await step('bag-info.txt', async () => {
      payload = await writeBagTags(staging, {
        sourceOrganization: scope.office.name,
        baggingDate: isoDay(scope.reportDate),
        created,
        externalDescription: `${scope.office.name}${scope.year}年度三务公开报送包（${scope.communities.map((c) => c.name).join('、')}）`,
        auditAnchor: await anchorLine(ctx),
      });
    });

    const zipPath = req.zip ? `${target}.zip` : undefined;
    if (zipPath) await step(`${name}.zip`, () => zipBag(staging, name, zipStaging));
    // the last chance to cancel: from here both moves happen, so no half-published package
    if (signal?.aborted) throw cancelled();
    await moveIntoPlace(staging, target);
    if (zipPath) await moveIntoPlace(zipStaging, zipPath);
    onProgress?.({ phase: '报送包', done: total, total, message: '完成' });
    return { path: target, zipPath, files: payload };
  } catch (e) {
    await discard(staging);
    await discard(zipStaging);
    throw e;
  }
}
