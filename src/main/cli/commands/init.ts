// `sanwu init`: an empty archive for a street office; `--admin USER` also makes its first 管理员.
import { SanwuError } from '../../../shared/errors';
import { passwordSchema } from '../../../shared/users';
import { archiveExists } from '../../core/archive';
import type { ApiOutput } from '../../../shared/api';
import { archiveDir, shownLocation, withArchive, type Command } from '../command';
import { contractFor, contractInput } from '../contract';
import { printJson } from '../io';
import { newPassword } from '../passwords';

const command: Command = {
  summary: '创建空档案库（可同时创建第一个管理员账号）',
  usage: 'sanwu init --db DIR|postgres://… --name 街道名称 [--code 代码] [--admin 用户名] [--json]',
  flags: { db: { type: 'string' }, name: { type: 'string', required: true }, code: { type: 'string' }, admin: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const dir = archiveDir(args, io);
    const office = contractInput('office.save', { name: args.flags.name as string, code: (args.flags.code as string | undefined) ?? '' }, { name: '--name', code: '--code' });
    const adminName = args.flags.admin as string | undefined;
    if (await archiveExists(dir)) {
      throw new SanwuError('CONFLICT', `${shownLocation(dir)} 已经有档案库，未做任何修改。`);
    }
    // everything the admin needs is checked before the archive exists: a bad name is usage, a short
    // password refused input
    const admin = adminName === undefined ? undefined : contractInput('users.add', { name: adminName, role: '管理员', password: 'stand-in' }, { name: '--admin' });
    if (admin) {
      admin.password = await newPassword(io, `管理员“${admin.name}”`);
      const short = passwordSchema.safeParse(admin.password);
      if (!short.success) throw new SanwuError('INVALID_INPUT', `管理员“${admin.name}”的密码${short.error.issues[0]!.message.replace(/^密码/, '')}，未做任何修改。`);
    }
    // The office (and the admin) are written into the new archive before it is put in place: a crash
    // leaves no archive or a whole one (core/archive.ts createArchiveFile).
    let saved!: ApiOutput<'office.save'>;
    await withArchive(args, io, async () => {}, {
      create: true,
      initialize: async (ctx) => {
        const { call } = await contractFor(ctx, args, io);
        saved = await call('office.save', office);
        if (admin) await call('users.add', admin);
      },
    });
    if (args.flags.json) printJson(io, { ok: true, db: shownLocation(dir), office: saved, ...(admin ? { admin: admin.name } : {}) });
    else io.stdout(`已在 ${shownLocation(dir)} 创建“${saved.name}”的档案库。${admin ? `管理员账号：${admin.name}。` : ''}\n`);
    return 0;
  },
};
export default command;
