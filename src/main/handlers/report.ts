// 报表: the annual reporting package, written under the archive folder's reports/ (so the desktop app
// may reveal it); browser mode always zips it and offers the zip for download.
import { basename, join } from 'node:path';
import { buildReportPackage } from '../core/package';
import { loadReportSettings, saveReportSettings } from '../core/reports/settings';
import type { Handlers } from './types';
import { fileStamp, freshPath } from './stamp';

export const reportHandlers: Handlers<'report.build' | 'report.write' | 'report.settings.get' | 'report.settings.save'> = {
  'report.settings.get': (ctx) => loadReportSettings(ctx.db),
  'report.settings.save': (ctx, settings) => saveReportSettings(ctx, settings),
  'report.build': async (ctx, req, env) => {
    const zip = env.mode === 'browser' || (req.zip ?? false);
    const outDir = freshPath(join(ctx.paths.dir, 'reports', fileStamp(ctx)));
    const result = await buildReportPackage(ctx, { ...req, zip, outDir }, { onProgress: env.onProgress, signal: env.signal });
    const downloadUrl = env.mode === 'browser' && result.zipPath ? env.links.download(result.zipPath, basename(result.zipPath)) : undefined;
    return { ...result, ...(downloadUrl ? { downloadUrl } : {}) };
  },
  'report.write': (ctx, { out, ...req }, env) =>
    buildReportPackage(ctx, { ...req, outDir: out }, { onProgress: env.onProgress, signal: env.signal }),
};
