// 利用 logged without slowing the view: GET /api/attachments/ID in browser mode, 2,000 times one after
// another and in bursts of 50 at once, with the view log on, against the same server with a log that
// writes nothing (the floor: identical transport, contract check and file read). Also how long the
// log takes to have every view written after the last response.
import { join } from 'node:path';
import { request } from 'node:http';
import { fileYear } from '../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../src/main/core/attachments/repository';
import { createRecord } from '../src/main/core/records/repository';
import { startServer, type RunningServer } from '../src/main/transports/http/server';
import { tempArchive } from '../test/helpers/archive';
import { percentile, round, timed } from './measure';
import { mkdirSync, writeFileSync } from 'node:fs';

const SEQUENTIAL = 2000;
const BURSTS = 40;
const BURST = 50;

function get(server: RunningServer, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request({ host: '127.0.0.1', port: server.port, path, headers: { 'x-sanwu-token': server.token, Host: `127.0.0.1:${server.port}` } }, (res) => {
      res.resume();
      res.on('end', () => (res.statusCode === 200 ? resolve(performance.now() - t0) : reject(new Error(`HTTP ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });
}

async function run(server: RunningServer, path: string) {
  const sequential: number[] = [];
  for (let i = 0; i < SEQUENTIAL; i++) sequential.push(await get(server, path));
  const burst = await timed(async () => {
    for (let b = 0; b < BURSTS; b++) await Promise.all(Array.from({ length: BURST }, () => get(server, path)));
  });
  return { p50: percentile(sequential, 50), p95: percentile(sequential, 95), burstMs: burst.ms };
}

export default async function viewsBench() {
  const a = await tempArchive();
  const record = await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-03-05' });
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(200 * 1024, 32), Buffer.from('\n%%EOF\n')]);
  const attachment = await addAttachmentData(a.ctx, record.id, pdf, '记录.pdf');
  await fileYear(a.ctx, { year: 2025 });
  const renderer = join(a.dir, 'renderer');
  mkdirSync(renderer, { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html>');
  const path = `/api/attachments/${attachment.id}`;
  const nothing = { note: () => {}, flush: async () => {} };
  const floorServer = await startServer({ ctx: a.ctx, rendererDir: renderer, version: 'bench', views: nothing });
  const logServer = await startServer({ ctx: a.ctx, rendererDir: renderer, version: 'bench' });
  // warm up both, then alternate: floor, logged, floor, logged (the machine is shared; medians of two)
  await run(floorServer, path);
  await run(logServer, path);
  await logServer.flushViews();
  const floors = [await run(floorServer, path)];
  const logged = [await run(logServer, path)];
  const drain = await timed(() => logServer.flushViews());
  floors.push(await run(floorServer, path));
  logged.push(await run(logServer, path));
  await logServer.flushViews();
  const views = (await a.ctx.db.selectFrom('file_views').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;
  await floorServer.close();
  await logServer.close();
  await a.close();
  const mid = (xs: number[]) => (xs[0]! + xs[1]!) / 2;
  const floorP50 = mid(floors.map((f) => f.p50));
  const loggedP50 = mid(logged.map((f) => f.p50));
  return {
    requests: SEQUENTIAL * 2 + BURSTS * BURST * 2,
    viewsLogged: Number(views),
    floorP50Ms: round(floorP50),
    loggedP50Ms: round(loggedP50),
    p50Ratio: round(loggedP50 / floorP50),
    floorP95Ms: round(mid(floors.map((f) => f.p95))),
    loggedP95Ms: round(mid(logged.map((f) => f.p95))),
    floorBurstMs: round(mid(floors.map((f) => f.burstMs))),
    loggedBurstMs: round(mid(logged.map((f) => f.burstMs))),
    burstRatio: round(mid(logged.map((f) => f.burstMs)) / mid(floors.map((f) => f.burstMs))),
    drainAfterLastResponseMs: round(drain.ms),
  };
}
