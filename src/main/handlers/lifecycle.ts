// The record's life after filing: appraisal, holds, destruction and transfer (core/lifecycle), and the
// office's own documents those acts write. A carrier made from the UI goes under the archive folder's
// transfers/ (browser mode offers it as a zip).
import { basename, join } from 'node:path';
import { closeAppraisal, decideAppraisal, dueForAppraisal, openAppraisal } from '../core/lifecycle/appraisal';
import { batchItems, findBatch, listBatches, toItem } from '../core/lifecycle/batches';
import { approveDestruction } from '../core/lifecycle/destruction';
import { listHolds, releaseHold, setHold } from '../core/lifecycle/holds';
import { exportOfficeFiles, officeDocuments, officeFile } from '../core/lifecycle/office-fonds';
import { confirmTransfer, listTransfers, transferYear } from '../core/lifecycle/transfer';
import { zipFolder } from '../core/package/zip';
import type { Handlers } from './types';

export const lifecycleHandlers: Handlers<
  | 'appraisal.due'
  | 'appraisal.open'
  | 'appraisal.decide'
  | 'appraisal.close'
  | 'appraisal.list'
  | 'appraisal.get'
  | 'destruction.approve'
  | 'holds.list'
  | 'holds.set'
  | 'holds.release'
  | 'transfer.build'
  | 'transfer.write'
  | 'transfer.list'
  | 'transfer.confirm'
  | 'officeDocuments.list'
  | 'officeDocuments.url'
  | 'officeDocuments.write'
> = {
  'appraisal.due': (ctx, scope) => dueForAppraisal(ctx, scope),
  'appraisal.open': (ctx, scope) => openAppraisal(ctx, scope),
  'appraisal.decide': (ctx, input) => decideAppraisal(ctx, input),
  'appraisal.close': (ctx, input) => closeAppraisal(ctx, input),
  'appraisal.list': (ctx) => listBatches(ctx.db),
  'appraisal.get': async (ctx, { batch }) => ({
    batch: await findBatch(ctx.db, batch),
    items: (await batchItems(ctx.db, batch)).map(toItem),
    documents: await officeDocuments(ctx.db, [`appraisal:${batch}`, `destruction:${batch}`]),
  }),
  'destruction.approve': (ctx, input) => approveDestruction(ctx, input),
  'holds.list': (ctx, { all }) => listHolds(ctx.db, all),
  'holds.set': (ctx, { recordId, reason }) => setHold(ctx, recordId, reason),
  'holds.release': (ctx, { recordId, note }) => releaseHold(ctx, recordId, note),
  'transfer.build': async (ctx, scope, env) => {
    const result = await transferYear(ctx, scope, join(ctx.paths.dir, 'transfers'), { onProgress: env.onProgress, signal: env.signal });
    if (env.mode !== 'browser') return result;
    const zip = await zipFolder(result.path);
    return { ...result, downloadUrl: env.links.download(zip, basename(zip)) };
  },
  'transfer.write': (ctx, { out, ...scope }, env) => transferYear(ctx, scope, out, { onProgress: env.onProgress, signal: env.signal }),
  'transfer.list': (ctx) => listTransfers(ctx.db),
  'transfer.confirm': (ctx, input) => confirmTransfer(ctx, input),
  'officeDocuments.list': (ctx) => officeDocuments(ctx.db),
  'officeDocuments.url': async (ctx, { fileId }, env) => {
    const file = await officeFile(ctx, fileId);
    return env.links.download(file.path, file.name);
  },
  'officeDocuments.write': async (ctx, { ids, out }) => ({ files: await exportOfficeFiles(ctx, ids, out) }),
};
