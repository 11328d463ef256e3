// `sanwu lend`: 借阅登记 — lend items to a borrower; `sanwu lend return --loan N` takes them back.
import type { LoanItem } from '../../../shared/lending';
import { usageError } from '../args';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson, type CliIO } from '../io';

/** `12,15` (or 、，, or the flag given again) as record ids. */
function recordIds(raw: string[] | undefined): number[] {
  const parts = (raw ?? []).flatMap((r) => r.split(/[,，、]/)).map((p) => p.trim()).filter(Boolean);
  const bad = parts.filter((p) => !/^\d+$/.test(p));
  if (bad.length > 0) throw usageError(`--record 应是档案的编号（sanwu list --json 中的 id），如 --record 12,15；“${bad.join('、')}”不是编号`);
  return parts.map(Number);
}

const itemLine = (i: LoanItem) => `  ${i.archivalCode ?? `记录 ${i.id}（未归档）`}　${i.community}　${i.title}\n`;

async function lendItems(args: Parameters<Command['run']>[0], io: CliIO): Promise<number> {
  const f = args.flags;
  if (f.loan !== undefined) throw usageError('--loan 只用于 sanwu lend return');
  for (const required of ['record', 'borrower', 'purpose']) if (f[required] === undefined) throw usageError(`缺少选项 --${required}`);
  const input = contractInput(
    'lending.lend',
    {
      recordIds: recordIds(f.record as string[]),
      borrower: f.borrower as string,
      purpose: f.purpose as string,
      unit: f.unit as string | undefined,
      due: f.due as string | undefined,
    },
    { recordIds: '--record', borrower: '--borrower', purpose: '--purpose', unit: '--unit', due: '--due' },
  );
  const result = await withContract(args, io, ({ call }) => call('lending.lend', input));
  if (f.json) {
    printJson(io, result);
    return 0;
  }
  io.stdout(`已登记借阅，借阅单号 ${result.loan}：${result.borrower} 借阅 ${result.items.length} 件${result.due ? `，应于 ${result.due} 前归还` : ''}。\n`);
  for (const i of result.items) io.stdout(itemLine(i));
  return 0;
}

async function returnItems(args: Parameters<Command['run']>[0], io: CliIO): Promise<number> {
  const f = args.flags;
  const stray = ['record', 'borrower', 'purpose', 'unit', 'due'].filter((k) => f[k] !== undefined);
  if (stray.length > 0) throw usageError(`sanwu lend return 只需 --loan，不用 ${stray.map((k) => `--${k}`).join('、')}`);
  if (f.loan === undefined) throw usageError('缺少选项 --loan');
  const input = contractInput('lending.return', { loan: f.loan as number }, { loan: '--loan' });
  const loan = await withContract(args, io, ({ call }) => call('lending.return', input));
  if (f.json) {
    printJson(io, { loan: loan.id, returnedAt: loan.returnedAt, borrower: loan.borrower, items: loan.items });
    return 0;
  }
  io.stdout(`已登记归还：借阅单号 ${loan.id}，${loan.borrower} 借阅的 ${loan.items.length} 件已归还。\n`);
  for (const i of loan.items) io.stdout(itemLine(i));
  return 0;
}

const command: Command = {
  summary: '借阅登记：登记借出（借阅人、目的、应还日期），或登记归还',
  usage:
    'sanwu lend --record ID[,ID…] --borrower 借阅人 --purpose 借阅目的 [--unit 单位] [--due YYYY-MM-DD] [--json] | sanwu lend return --loan N [--json]   [--db DIR] [--as 用户名]',
  flags: {
    ...DB_FLAG,
    record: { type: 'string', multiple: true },
    borrower: { type: 'string' },
    purpose: { type: 'string' },
    unit: { type: 'string' },
    due: { type: 'string' },
    loan: { type: 'number' },
    json: { type: 'boolean' },
  },
  positionals: true,
  async run(args, io) {
    const [action, ...extra] = args.positionals;
    if (extra.length > 0 || (action !== undefined && action !== 'return')) throw usageError(`多余的参数：${args.positionals.join(' ')}（归还请用 sanwu lend return --loan N）`);
    return action === 'return' ? returnItems(args, io) : lendItems(args, io);
  },
};
export default command;
