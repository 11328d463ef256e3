// The one contract: every method has a handler and every handler a method; inputs are checked at the
// boundary with Chinese messages naming the field.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API_METHODS, isApiMethod } from '../../src/shared/api';
import { ROLES } from '../../src/shared/users';
import { HANDLERS } from '../../src/main/handlers';
import { inputError } from '../../src/main/handlers/input-error';

describe('the contract', () => {
  it('has a handler for every method and a method for every handler', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...API_METHODS].sort());
    for (const m of API_METHODS) expect(typeof HANDLERS[m], m).toBe('function');
  });

  it('lists the methods the pages code against', () => {
    for (const m of ['app.info', 'records.search', 'records.get', 'attachments.url', 'filing.preview', 'dashboard.summary', 'import.run', 'audit.grid', 'check.run', 'report.build', 'backup.create', 'backup.restore']) {
      expect(isApiMethod(m), m).toBe(true);
    }
    expect(isApiMethod('toString')).toBe(false);
    expect(isApiMethod('__proto__')).toBe(false);
  });

  it('marks exactly the long methods (progress and cancel)', () => {
    expect(API_METHODS.filter((m) => API[m].long).sort()).toEqual([
      'backup.restoreStored',
      'backup.verify',
      'check.run',
      'demo.generate',
      'district.receive',
      'district.receivePaths',
      'district.summary.build',
      'district.summary.write',
      'import.files',
      'import.run',
      'records.export',
      'report.build',
      'report.write',
      'transfer.build',
      'transfer.write',
    ]);
    expect(API_METHODS.filter((m) => API[m].desktopOnly).sort()).toEqual([
      'backup.restore',
      'backup.write',
      'connection.set',
      'connection.test',
      'demo.generate',
      'district.receivePaths',
      'district.summary.write',
      'import.files',
      'officeDocuments.write',
      'report.write',
      'shell.showInFolder',
      'transfer.write',
      'yearbook.write',
    ]);
  });

  it('says for every method who may call it and whether it writes', () => {
    for (const m of API_METHODS) {
      expect(API[m].role === null || ROLES.includes(API[m].role), m).toBe(true);
      expect(typeof API[m].writes, m).toBe('boolean');
    }
    // callable before signing in: the archive's name (for the sign-in page) and signing in and out
    expect(API_METHODS.filter((m) => API[m].role === null).sort()).toEqual(['app.info', 'auth.signIn', 'auth.signOut', 'auth.whoami']);
    // 查阅 writes nothing of the archive; only its own password
    expect(API_METHODS.filter((m) => API[m].role === '查阅' && API[m].writes)).toEqual(['auth.changePassword']);
    // accounts and settings are the 管理员's (DESIGN.md "Who acts")
    for (const m of API_METHODS.filter((x) => x.startsWith('users.'))) expect(API[m].role, m).toBe('管理员');
    for (const m of ['office.save', 'retention.set', 'codeTemplate.set', 'standards.setInUse', 'backup.restore', 'backup.restoreStored', 'backup.upload', 'backup.list', 'backup.verify'] as const) expect(API[m].role, m).toBe('管理员');
    for (const m of ['records.create', 'records.update', 'records.void', 'attachments.add', 'import.run', 'filing.run', 'audit.attest', 'check.run', 'report.build'] as const) {
      expect(API[m].role, m).toBe('档案员');
    }
    // the lifecycle: clerks appraise, hold and prepare transfers; a 管理员 approves destruction and confirms transfers
    for (const m of ['appraisal.open', 'appraisal.decide', 'appraisal.close', 'holds.set', 'holds.release', 'transfer.build', 'transfer.write'] as const) expect(API[m].role, m).toBe('档案员');
    for (const m of ['destruction.approve', 'transfer.confirm'] as const) expect(API[m].role, m).toBe('管理员');
  });

  it('gives every method a zod input schema', () => {
    for (const m of API_METHODS) expect(API[m].input, m).toBeInstanceOf(z.ZodType);
  });

  it('names the refused field in Chinese', () => {
    const parsed = API['roster.add'].input.safeParse({ communityId: 'x', name: '', startDate: '2025-13-01' });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    const e = inputError(parsed.error, 'roster.add');
    expect(e.code).toBe('INVALID_INPUT');
    expect(e.issues).toEqual([
      { column: '社区', message: '应为数字' },
      { column: '类型', message: '必须填写' },
      { column: '名称', message: '不能为空' },
      { column: '起始日期', message: '不是有效的日期' },
    ]);
    expect(e.message).toMatch(/^添加人员与组织的输入有误，未做任何修改：社区：应为数字；类型：必须填写；名称：不能为空；起始日期：不是有效的日期。/);
    expect(e.message).not.toMatch(/[a-z]+\.[a-z]+/i);
  });

  it('refuses unknown fields where the input is empty', () => {
    const parsed = API['app.info'].input.safeParse({ sql: 'DROP TABLE records' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(inputError(parsed.error, 'app.info').issues[0]?.message).toBe('有 1 项多余的内容，请升级程序后再试');
  });
});
