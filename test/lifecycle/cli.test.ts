// The lifecycle on the command line (DESIGN.md's contract): appraisal due|open|decide|close, destroy,
// hold, transfer and transfer confirm — exit codes 0 done / 1 refused / 2 usage, the JSON shapes, the
// documents in --out, and bad input refused in Chinese with nothing changed. On both engines.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoUsers } from '../../src/main/core/demo/users';
import { countTables, ENGINES, type EngineName } from '../helpers/archive';
import { sanwuAs } from '../users/cli';
import { lifecycleArchive, type LifecycleArchive } from './fixture';

const PASSWORD = 'correct-horse-9';

describe.each(ENGINES)('the lifecycle CLI on %s', (engine: EngineName) => {
  let a: LifecycleArchive;
  let db: string;
  /** a server archive's working folder (its local files) under the test's own */
  const cliEnv = (more: Record<string, string> = {}): Record<string, string> => ({ ...(engine === 'postgres' ? { XDG_CONFIG_HOME: join(a.dir, 'config') } : {}), ...more });
  const as = (user: string, ...argv: string[]) => sanwuAs(a.dir, [...argv, '--db', db], user, PASSWORD, cliEnv());

  beforeAll(async () => {
    a = await lifecycleArchive(engine);
    db = a.location;
  });
  afterAll(() => a.close());

  describe('on an archive without accounts', () => {
    it('appraises, but a destruction says it needs accounts', async () => {
      const opened = await sanwuAs(a.dir, ['appraisal', 'open', '--db', db, '--as-of', '2025-12-31', '--community', '杏花社区', '--json'], undefined, undefined, cliEnv());
      expect(opened.code).toBe(0);
      const { batch } = JSON.parse(opened.stdout) as { batch: number };
      expect((await sanwuAs(a.dir, ['appraisal', 'decide', '--db', db, '--batch', String(batch), '--record', String(a.ids.other), '--destroy', '--reason', '无保存价值'], undefined, undefined, cliEnv())).code).toBe(0);
      expect((await sanwuAs(a.dir, ['appraisal', 'close', '--db', db, '--batch', String(batch), '--group', '张三', '--opinion', '同意', '--out', join(a.dir, 'out0')], undefined, undefined, cliEnv())).code).toBe(0);
      const refused = await sanwuAs(a.dir, ['destroy', '--db', db, '--batch', String(batch), '--approver', 'admin', '--supervisors', '甲,乙', '--date', '2025-12-31', '--out', join(a.dir, 'out0')], undefined, undefined, cliEnv());
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/销毁须由管理员账号批准.*还没有用户账号.*请先在“设置 → 用户”中建立管理员账号/);
      await createDemoUsers(a.ctx, PASSWORD);
    });
  });

  describe('appraisal', () => {
    let batch: number;
    it('due and open print the JSON DESIGN.md gives', async () => {
      const due = await as('viewer', 'appraisal', 'due', '--as-of', '2025-12-31', '--json');
      expect(due.code).toBe(0);
      const list = JSON.parse(due.stdout) as { asOf: string; items: Record<string, unknown>[] };
      expect(list.asOf).toBe('2025-12-31');
      expect(list.items.length).toBe(5);
      expect(Object.keys(list.items[0]!)).toEqual(expect.arrayContaining(['id', 'archivalCode', 'title', 'year', 'retention', 'dueFrom']));
      expect((await as('viewer', 'appraisal', 'open', '--as-of', '2025-12-31')).code).toBe(1); // 查阅 may not
      const opened = await as('clerk', 'appraisal', 'open', '--as-of', '2025-12-31', '--json');
      expect(opened.code).toBe(0);
      const o = JSON.parse(opened.stdout) as { batch: number; asOf: string; items: { id: number }[] };
      batch = o.batch;
      expect(o).toMatchObject({ asOf: '2025-12-31' });
      expect(o.items).toHaveLength(5);
    });

    it('refuses malformed decisions as usage (exit 2) and bad ones as refusals (exit 1), changing nothing', async () => {
      const before = await countTables(a.ctx);
      const b = String(batch);
      for (const argv of [
        ['appraisal', 'decide', '--batch', b, '--record', String(a.ids.d2013), '--reason', '理由'],
        ['appraisal', 'decide', '--batch', b, '--record', String(a.ids.d2013), '--keep', '--reason', '理由'],
        ['appraisal', 'decide', '--batch', b, '--record', String(a.ids.d2013), '--keep', '--years', '20', '--reason', '理由'],
        ['appraisal', 'decide', '--batch', b, '--record', '甲', '--destroy', '--reason', '理由'],
        ['appraisal', 'decide', '--batch', b, '--record', String(a.ids.d2013), '--destroy', '--years', '10', '--reason', '理由'],
        ['appraisal', 'close', '--batch', b, '--group', '张三', '--opinion', '同意'],
        ['appraisal', 'review'],
      ]) {
        const run = await as('clerk', ...argv);
        expect(run.code, argv.join(' ')).toBe(2);
      }
      const outside = await as('clerk', 'appraisal', 'decide', '--batch', b, '--record', '999', '--destroy', '--reason', '理由');
      expect(outside.code).toBe(1);
      expect(outside.stderr).toMatch(/记录 999 不在第 \d+ 批鉴定中，未做任何修改/);
      expect(await countTables(a.ctx)).toEqual(before);
    });

    it('decides, holds, closes with the documents in --out', async () => {
      const b = String(batch);
      expect((await as('clerk', 'hold', '--record', String(a.ids['d2012-9']), '--reason', '未结案件')).stdout).toMatch(/已冻结（未结案件）/);
      expect((await as('clerk', 'hold', '--record', String(a.ids['d2012-9']), '--reason', 'x', '--release')).code).toBe(2);
      const held = await as('clerk', 'appraisal', 'decide', '--batch', b, '--record', String(a.ids['d2012-9']), '--destroy', '--reason', '无保存价值');
      expect(held.code).toBe(1);
      expect(held.stderr).toMatch(/已冻结（未结案件）.*不得销毁/);
      const keep = await as('clerk', 'appraisal', 'decide', '--batch', b, '--record', `${a.ids['d2012-9']}，${a.ids.d2013}`, '--keep', '--years', '30', '--reason', '仍有查考价值');
      expect(keep.stdout).toMatch(/2 件继续保存（定期30年）/);
      const destroy = await as('clerk', 'appraisal', 'decide', '--batch', b, '--record', [a.ids['d2012-3'], a.ids['d2012-6'], a.ids.voucher].join(','), '--destroy', '--reason', '保管期限已满');
      expect(destroy.stdout).toMatch(/已决定 5\/5 件（继续保存 2，拟销毁 3）/);
      const out = join(a.dir, 'out1');
      const closed = await as('clerk', 'appraisal', 'close', '--batch', b, '--group', '张三，李四', '--opinion', '同意', '--out', out);
      expect(closed.code).toBe(0);
      expect(readdirSync(out).sort()).toEqual([`第${b}批到期档案鉴定意见书.docx`, `第${b}批鉴定销毁清册（草稿）.docx`, `第${b}批鉴定销毁清册（草稿）.xlsx`].sort());
    });

    it('destroy: the approver signs in; a clerk, a repeated 监销人, a future date are refused; then it is done', async () => {
      const b = String(batch);
      const out = join(a.dir, 'out2');
      const args = (approver: string, supervisors: string, date: string) => ['destroy', '--db', db, '--batch', b, '--approver', approver, '--supervisors', supervisors, '--date', date, '--out', out];
      const env = cliEnv({ SANWU_PASSWORD: PASSWORD });
      // a refusal of the role is itself audited; nothing else may change
      const rows = async () => ({ ...(await countTables(a.ctx)), audit_log: 0 });
      const before = await rows();
      const clerk = await sanwuAs(a.dir, args('clerk', '甲,乙', '2025-12-31'), undefined, undefined, env);
      expect(clerk.code).toBe(1);
      expect(clerk.stderr).toMatch(/角色是档案员，无权/);
      const twice = await sanwuAs(a.dir, args('admin', '甲,甲', '2025-12-31'), undefined, undefined, env);
      expect(twice.stderr).toMatch(/两名监销人须是不同的人/);
      const future = await sanwuAs(a.dir, args('admin', '甲,乙', '2026-01-02'), undefined, undefined, env);
      expect(future.stderr).toMatch(/在今天（2025-12-31）之后/);
      expect(await rows()).toEqual(before);
      expect(existsSync(out)).toBe(false);
      const done = await sanwuAs(a.dir, [...args('admin', '赵六、钱七', '2025-12-31'), '--json'], undefined, undefined, env);
      expect(done.code).toBe(0);
      expect(JSON.parse(done.stdout)).toMatchObject({ batch, destroyed: 3, filesRemoved: 3 });
      expect(readdirSync(out).sort()).toEqual([`第${b}批鉴定销毁清册.docx`, `第${b}批鉴定销毁清册.xlsx`]);
    });
  });

  describe('transfer', () => {
    it('refuses a year with a held item; writes the carrier ({carrier, path, items, files}); confirm once', async () => {
      const out = join(a.dir, 'carriers');
      const held = await as('clerk', 'transfer', '--year', '2012', '--community', '桃源社区', '--out', out);
      expect(held.code).toBe(1);
      expect(held.stderr).toMatch(/已冻结（未结案件），冻结的档案不能移交/);
      expect((await as('clerk', 'hold', '--record', String(a.ids['d2012-9']), '--release')).stdout).toMatch(/已解除冻结/);
      const run = await as('clerk', 'transfer', '--year', '2012', '--community', '桃源社区', '--out', out, '--json');
      expect(run.code).toBe(0);
      const t = JSON.parse(run.stdout) as { carrier: string; path: string; items: number; files: number };
      expect(t).toMatchObject({ carrier: '659002-YJ2012-01', items: 3, files: 3 });
      expect(existsSync(join(t.path, '文件目录.XML'))).toBe(true);
      expect((await as('clerk', 'transfer', 'confirm', '--carrier', t.carrier)).code).toBe(1); // 管理员 only
      expect((await as('admin', 'transfer', 'confirm', '--carrier', t.carrier)).stdout).toMatch(/已确认移交：3 件/);
      const again = await as('admin', 'transfer', 'confirm', '--carrier', t.carrier);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/不能重复确认/);
      expect((await as('admin', 'transfer', 'confirm')).code).toBe(2);
    });
  });
});
