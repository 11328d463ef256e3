import { SanwuError } from '../../../shared/errors';
import { archiveExists } from '../../core/archive';
import { getOffice, saveOffice } from '../../core/office/repository';
import { archiveDir, DB_FLAG, shownLocation, withArchive, type Command } from '../command';
import { printJson } from '../io';

const command: Command = {
  summary: '创建空档案库',
  usage: 'sanwu init --db DIR|postgres://… --name 街道名称 [--code 代码] [--json]',
  flags: { ...DB_FLAG, name: { type: 'string', required: true }, code: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const dir = archiveDir(args, io);
    if (await archiveExists(dir)) {
      const office = await withArchive(args, io, (ctx) => getOffice(ctx));
      throw new SanwuError('CONFLICT', `${shownLocation(dir)} 已经有档案库${office ? `（${office.name}）` : ''}，未做任何修改。`);
    }
    const office = await withArchive(
      args,
      io,
      (ctx) => saveOffice(ctx, { name: args.flags.name as string, code: (args.flags.code as string | undefined) ?? '' }),
      { create: true },
    );
    if (args.flags.json) printJson(io, { ok: true, db: shownLocation(dir), office });
    else io.stdout(`已在 ${shownLocation(dir)} 创建“${office.name}”的档案库。\n`);
    return 0;
  },
};
export default command;
