// The work report's 公文 settings, kept in the archive's settings (every change audited).
import { SanwuError } from '../../../shared/errors';
import { reportSettingsSchema, type ReportSettings, type ReportSettingsInput } from '../../../shared/report';
import type { ArchiveContext } from '../context';
import type { Reader } from '../db/handles';
import { getSetting, setSetting } from '../settings/store';

export const REPORT_SETTINGS = 'report.settings';

export async function loadReportSettings(db: Reader): Promise<ReportSettings> {
  const parsed = reportSettingsSchema.safeParse(await getSetting<unknown>(db, REPORT_SETTINGS, {}));
  // a stored value that no longer parses falls back to the defaults rather than stop every report
  return parsed.success ? parsed.data : reportSettingsSchema.parse({});
}

export async function saveReportSettings(ctx: ArchiveContext, input: ReportSettingsInput): Promise<ReportSettings> {
  const parsed = reportSettingsSchema.safeParse(input);
  if (!parsed.success) throw new SanwuError('INVALID_INPUT', `报告设置不正确：${parsed.error.issues.map((i) => i.message).join('；')}。`);
  await setSetting(ctx, REPORT_SETTINGS, parsed.data);
  return parsed.data;
}
