// `sanwu destroy`: a 管理员 (who did not close the appraisal) approves the destruction of a batch's
// 拟销毁 items, with two 监销人 and the date; the final 销毁清册 goes into --out and the archive. The
// approver signs in: --as, else SANWU_USER, else --approver itself (password from SANWU_PASSWORD or a prompt).
import { resolve } from 'node:path';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { exportDocuments, printDocuments } from '../documents';
import { printJson } from '../io';
import { nameList } from '../lists';

const command: Command = {
  summary: '批准销毁：管理员批准一批鉴定中拟销毁的档案，两名监销人监销，生成销毁清册',
  usage: 'sanwu destroy --db DIR --batch N --approver 用户名 --supervisors 监销人,监销人 --date 日期 --out 文件夹 [--json] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    batch: { type: 'number', required: true },
    approver: { type: 'string', required: true },
    supervisors: { type: 'string', required: true },
    date: { type: 'string', required: true },
    out: { type: 'string', required: true },
    json: { type: 'boolean' },
  },
  async run(args, io) {
    const f = args.flags;
    const input = contractInput(
      'destruction.approve',
      { batch: f.batch as number, approver: f.approver as string, supervisors: nameList(f.supervisors as string), date: f.date as string },
      { batch: '--batch', approver: '--approver', supervisors: '--supervisors', date: '--date' },
    );
    const out = resolve(io.cwd, f.out as string);
    // the approver is the one who signs in, unless --as or SANWU_USER says otherwise
    const signer = { ...io, env: { ...io.env, SANWU_USER: io.env.SANWU_USER ?? input.approver } };
    const [result, files] = await withContract(args, signer, async ({ call }) => {
      const r = await call('destruction.approve', input);
      return [r, await exportDocuments(call, r.documents, out)] as const;
    });
    if (f.json) printJson(io, { ...result, files });
    else {
      io.stdout(`第 ${result.batch} 批鉴定的 ${result.destroyed} 件档案已销毁（监销人：${input.supervisors.join('、')}，${input.date}）；${result.filesRemoved} 个电子文件已移出附件库，目录、摘要和操作记录保留。\n`);
      printDocuments(io, result.documents, files);
    }
    return 0;
  },
};
export default command;
