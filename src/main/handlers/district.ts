// The district (区级档案库): receiving packages (uploaded by the page, or by path from the CLI and the
// desktop app), its dashboard across street offices, the records they reported, the summary.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { SanwuError } from '../../shared/errors';
import { districtCommunity, districtDashboard } from '../core/district/dashboard';
import { requireDistrict, setupDistrict } from '../core/district/kind';
import { addOffice, listOffices } from '../core/district/offices';
import { unpackedFile } from '../core/district/pack';
import { receive } from '../core/district/receive';
import { districtAudit, listPackages, searchDistrictRecords } from '../core/district/records';
import { writeSummary } from '../core/district/summary';
import { fileStamp } from './stamp';
import type { Handlers } from './types';

type DistrictMethod =
  | 'district.setup'
  | 'district.receive'
  | 'district.receivePaths'
  | 'district.offices'
  | 'district.addOffice'
  | 'district.dashboard'
  | 'district.community'
  | 'district.records'
  | 'district.packages'
  | 'district.audit'
  | 'district.file'
  | 'district.summary.build'
  | 'district.summary.write';

/** An uploaded name as a plain file name (no folders, nothing Windows refuses). */
const safeName = (name: string): string => [...basename(name.replace(/\\/g, '/'))].map((c) => (c < ' ' || '<>:"|?*'.includes(c) ? '_' : c)).join('') || 'package.zip';

export const districtHandlers: Handlers<DistrictMethod> = {
  'district.setup': (ctx) => setupDistrict(ctx),
  'district.receive': async (ctx, { files, addOffice }, env) => {
    const names = files.map((f) => safeName(f.name));
    if (new Set(names).size !== names.length) throw new SanwuError('INVALID_INPUT', '选择了同名的报送包文件，请改名后再接收。');
    const dir = await mkdtemp(join(tmpdir(), 'sanwu-receive-'));
    try {
      const paths = names.map((n) => join(dir, n));
      await Promise.all(files.map((f, i) => writeFile(paths[i]!, Buffer.from(f.dataBase64, 'base64'))));
      return await receive(ctx, { paths, labels: names, addOffice }, { onProgress: env.onProgress, signal: env.signal });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  },
  'district.receivePaths': (ctx, { paths, addOffice }, env) => receive(ctx, { paths, addOffice }, { onProgress: env.onProgress, signal: env.signal }),
  'district.offices': (ctx) => listOffices(ctx.db),
  'district.addOffice': (ctx, input) => addOffice(ctx, input),
  'district.dashboard': (ctx, input) => districtDashboard(ctx, input),
  'district.community': (ctx, input) => districtCommunity(ctx, input),
  'district.records': (ctx, query) => searchDistrictRecords(ctx, query),
  'district.packages': (ctx, filter) => listPackages(ctx, filter),
  'district.audit': (ctx, req) => districtAudit(ctx, req),
  'district.file': async (ctx, { sha256, name }, env) => {
    const file = await unpackedFile(ctx, sha256);
    if (!file) throw new SanwuError('NOT_FOUND', '没有这个报送的文件。');
    return env.links.download(file, safeName(name));
  },
  'district.summary.build': async (ctx, { year }, env) => {
    await requireDistrict(ctx, '生成全区汇总');
    const out = join(ctx.paths.dir, 'reports', fileStamp(ctx));
    const result = await writeSummary(ctx, { year, out, zip: env.mode === 'browser' }, { onProgress: env.onProgress, signal: env.signal });
    const downloadUrl = env.mode === 'browser' && result.zipPath ? env.links.download(result.zipPath, basename(result.zipPath)) : undefined;
    return { dir: result.dir, files: result.files, ...(downloadUrl ? { downloadUrl } : {}) };
  },
  'district.summary.write': async (ctx, { year, out }, env) => {
    await requireDistrict(ctx, '生成全区汇总');
    const { dir, files } = await writeSummary(ctx, { year, out }, { onProgress: env.onProgress, signal: env.signal });
    return { dir, files };
  },
};
