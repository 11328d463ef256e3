// 利用: every view of a stored file in browser mode is logged (who, which item, when) after the file is
// on its way — never before, never instead: a writer holding the archive does not hold up the view.
// HEAD requests and refused fetches are not views. The log is audited and reconciled like the register.
// On both engines.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileYear } from '../../src/main/core/archival-codes/filing';
import { addAttachmentData } from '../../src/main/core/attachments/repository';
import { runCheck } from '../../src/main/core/check';
import { listViews, ViewLog } from '../../src/main/core/lending/views';
import { createRecord } from '../../src/main/core/records/repository';
import { startServer, type RunningServer } from '../../src/main/transports/http/server';
import { ENGINES, rawQuery, type TestArchive } from '../helpers/archive';
import { request } from '../ui-platform/http';
import { routeAppUrl } from '../../src/main/shell/app-url';
import { ViewTickets } from '../../src/main/core-host/view-tickets';
import { archiveWithAccounts, movableClock, PASSWORD } from '../users/fixtures';

describe.each(ENGINES)('利用 on %s', (engine) => {
  let a: TestArchive;
  let server: RunningServer;
  let attachment: number;
  let record: number;
  const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  beforeAll(async () => {
    a = await archiveWithAccounts(movableClock('2026-03-02T09:00:00+08:00'), engine);
    record = (await createRecord(a.ctx, { communityId: 1, affair: '居务', kind: '居民会议', title: '居民会议记录', date: '2025-04-01' })).id;
    await fileYear(a.ctx, { year: 2025 });
    attachment = (await addAttachmentData(a.ctx, record, PDF, '会议记录.pdf')).id;
    const renderer = join(a.dir, 'renderer');
    mkdirSync(renderer, { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>三务档案</title>');
    server = await startServer({ ctx: a.ctx, rendererDir: renderer, version: 't' });
  });
  afterAll(async () => {
    await server.close();
    await a.close();
  });

  const views = () => rawQuery(a.ctx, 'SELECT attachment_id, record_id, viewer FROM file_views ORDER BY id');

  async function signIn(username: string): Promise<Record<string, string>> {
    const token = { 'X-Sanwu-Token': server.token };
    const reply = await request(server.port, '/api/auth.signIn', { headers: token, body: { username, password: PASSWORD } });
    return { ...token, 'X-Sanwu-Session': (JSON.parse(reply.body) as { value: { session: string } }).value.session };
  }

  describe('views logged as 利用 in browser mode', () => {
    it('logs a GET by the signed-in account, not a HEAD nor a refused fetch', async () => {
      const viewer = await signIn('viewer');
      const got = await request(server.port, `/api/attachments/${attachment}`, { headers: viewer });
      expect(got.status).toBe(200);
      expect(got.body).toBe(PDF.toString('utf8'));
      expect((await request(server.port, `/api/attachments/${attachment}`, { method: 'HEAD', headers: viewer })).status).toBe(200);
      expect((await request(server.port, `/api/attachments/${attachment}`, { headers: { 'X-Sanwu-Token': server.token } })).status).toBe(401);
      expect((await request(server.port, `/api/attachments/999`, { headers: viewer })).status).toBe(404);
      await server.flushViews();
      expect(await views()).toEqual([{ attachment_id: attachment, record_id: record, viewer: 'viewer' }]);
      const entry = await rawQuery(a.ctx, `SELECT actor, action FROM audit_log WHERE entity = 'file_view'`);
      expect(entry).toEqual([{ actor: 'viewer', action: 'view' }]);
    });

    it('serves the file while a writer holds the archive; the view is written once it is free', async () => {
      const clerk = await signIn('clerk');
      const before = (await views()).length;
      let release!: () => void;
      const held = a.ctx.write.transaction(() => new Promise<void>((r) => (release = r)));
      await new Promise((r) => setTimeout(r, 20));
      // the response arrives with the writer still holding the archive: the view did not wait for it
      const got = await request(server.port, `/api/attachments/${attachment}`, { headers: clerk });
      expect(got.status).toBe(200);
      expect((await views()).length).toBe(before);
      release();
      await held;
      await server.flushViews();
      expect((await views()).slice(before)).toEqual([{ attachment_id: attachment, record_id: record, viewer: 'clerk' }]);
    });

    it('lists the views, newest first, by year', async () => {
      const list = await listViews(a.ctx, { year: 2026 });
      expect(list.total).toBe(2);
      expect(list.views.map((v) => [v.viewer, v.archivalCode, v.fileName])).toEqual([
        ['clerk', 'S101-WS·2025-Y-JW-0001', '会议记录.pdf'],
        ['viewer', 'S101-WS·2025-Y-JW-0001', '会议记录.pdf'],
      ]);
      expect((await listViews(a.ctx, { year: 2025 })).total).toBe(0);
    });
  });

  describe('the view log', () => {
    it('writes a burst in batches, every row audited under its viewer; check reconciles them', async () => {
      const log = new ViewLog(a.ctx);
      for (let i = 0; i < 1200; i++) log.note(i % 3 === 0 ? 'viewer' : 'clerk', attachment);
      await log.flush();
      expect(await rawQuery(a.ctx, 'SELECT viewer, count(*) AS n FROM file_views GROUP BY viewer ORDER BY viewer')).toEqual([
        { viewer: 'clerk', n: 801 },
        { viewer: 'viewer', n: 401 },
      ]);
      const unaudited = await rawQuery(
        a.ctx,
        `SELECT count(*) AS n FROM file_views v WHERE NOT EXISTS (SELECT 1 FROM audit_log l WHERE l.entity = 'file_view' AND l.entity_id = v.id AND l.actor = v.viewer)`,
      );
      expect(unaudited).toEqual([{ n: 0 }]);
      expect((await runCheck(a.ctx)).problems.filter((p) => p.type.startsWith('audit'))).toEqual([]);
    });

    it('check finds a view slipped in without the app, and one rewritten past its trigger', async () => {
      await rawQuery(a.ctx, `INSERT INTO file_views (attachment_id, record_id, viewer, viewed_at) VALUES (?, ?, 'ghost', '2026-01-01T00:00:00.000Z')`, [attachment, record]);
      await rawQuery(a.ctx, `DROP TRIGGER file_views_no_change${engine === 'postgres' ? ' ON file_views' : ''}`);
      await rawQuery(a.ctx, `UPDATE file_views SET viewer = 'someone' WHERE id = 1`);
      const messages = (await runCheck(a.ctx)).problems.filter((p) => p.type === 'audit-reconcile').map((p) => p.message);
      expect(messages).toEqual([
        expect.stringMatching(/^“someone”于 .* 查看档号 S101-WS·2025-Y-JW-0001（记录 1）的利用记录与操作日志最后记录的不一致（查看人：“viewer”→“someone”）/),
        expect.stringMatching(/^“ghost”于 2026-01-01T00:00:00.000Z 查看档号 S101-WS·2025-Y-JW-0001（记录 1）的利用记录在操作日志中没有任何登记/),
      ]);
    });
  });
});

describe('desktop links', () => {
  it('carry a view ticket the app:// route reads, and nothing else', () => {
    expect(routeAppUrl('/r', 'app://sanwu/attachments/42?v=AbC_-9')).toEqual({ kind: 'attachments', id: '42', ticket: 'AbC_-9' });
    expect(routeAppUrl('/r', 'app://sanwu/attachments/42')).toEqual({ kind: 'attachments', id: '42' });
    expect(routeAppUrl('/r', 'app://sanwu/attachments/42?v=../../x')).toEqual({ kind: 'attachments', id: '42' });
    expect(routeAppUrl('/r', 'app://sanwu/downloads/ab12?v=x')).toEqual({ kind: 'downloads', id: 'ab12' });
  });

  it('tickets name their viewer and sign-in for their own attachment only, and are forgotten beyond a bound', () => {
    const tickets = new ViewTickets();
    const t = tickets.issue(7, 'viewer');
    const signedIn = tickets.issue(7, 'clerk', 'session-1');
    expect(tickets.get(7, t)).toEqual({ viewer: 'viewer', session: undefined });
    expect(tickets.get(7, signedIn)).toEqual({ viewer: 'clerk', session: 'session-1' });
    expect(tickets.get(8, t)).toBeUndefined();
    expect(tickets.get(7, undefined)).toBeUndefined();
    for (let i = 0; i < 10_000; i++) tickets.issue(9, 'clerk');
    expect(tickets.get(7, t)).toBeUndefined();
  });
});
