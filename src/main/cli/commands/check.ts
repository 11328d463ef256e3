// `sanwu check`: the archive inspection (四性检测); exit 1 when it finds problems.
import type { CheckResult } from '../../../shared/check';
import { DB_FLAG, type Command } from '../command';
import { withContract } from '../contract';
import { printJson, type CliIO } from '../io';

const SHOWN_PER_TYPE = 50;

function printReport(io: CliIO, r: CheckResult, full: boolean): void {
  const c = r.counts;
  io.stdout(`检查了 ${c.records} 件档案、${c.attachments} 个附件（${c.files} 个文件，${c.bytes} 字节）、${c.auditEntries} 条操作日志。\n`);
  io.stdout(
    full
      ? '数据库已完整校验（integrity_check：逐页、逐索引核对）。\n'
      : '数据库已快速自检（quick_check 逐页核对各表结构与约束，操作日志由哈希链逐条核对）；逐索引完整校验请加 --full（较慢）。\n',
  );
  if (r.anchor) io.stdout(`操作日志链头：第 ${r.anchor.seq} 条（哈希 ${r.anchor.hash.slice(0, 16)}…），已用本机锚点密钥 ${r.anchor.key} 签名：${r.anchor.mac.slice(0, 16)}…\n`);
  for (const notice of r.notices ?? []) io.stdout(`${notice}\n`);
  for (const f of r.fixed ?? []) io.stdout(`  已移入隔离：${f.from} → ${f.to}\n`);
  if (r.ok) {
    io.stdout('未发现问题：真实性、完整性、可用性、安全性检测均通过。\n');
    return;
  }
  io.stdout(`发现 ${c.problems} 个问题：真实性 ${c.authenticity}，完整性 ${c.integrity}，可用性 ${c.usability}，安全性 ${c.security}。\n`);
  const byType = new Map<string, CheckResult['problems']>();
  for (const p of r.problems) {
    const list = byType.get(p.type);
    if (list) list.push(p);
    else byType.set(p.type, [p]);
  }
  for (const [type, list] of byType) {
    io.stdout(`\n[${list[0]!.aspect}] ${type}（${list.length}）\n`);
    for (const p of list.slice(0, SHOWN_PER_TYPE)) io.stdout(`  ${p.message}\n`);
    if (list.length > SHOWN_PER_TYPE) io.stdout(`  ……另有 ${list.length - SHOWN_PER_TYPE} 条（用 --json 查看全部）\n`);
  }
}

const command: Command = {
  summary: '档案检查（四性检测）：真实性、完整性、可用性、安全性',
  usage: 'sanwu check --db DIR [--json] [--full] [--fix] [--as 用户名]',
  flags: { ...DB_FLAG, json: { type: 'boolean' }, full: { type: 'boolean' }, fix: { type: 'boolean' } },
  async run(args, io) {
    const full = args.flags.full === true;
    const fix = args.flags.fix === true;
    const result = await withContract(args, io, ({ call }) => call('check.run', { full, fix }));
    if (args.flags.json) printJson(io, result);
    else printReport(io, result, full);
    return result.ok ? 0 : 1;
  },
};
export default command;
