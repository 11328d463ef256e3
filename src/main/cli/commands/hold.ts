// `sanwu hold --record ID (--reason TEXT | --release)`: 冻结 an item tied to an unsettled matter (it can
// then be neither destroyed nor transferred), or release it.
import { usageError } from '../args';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson } from '../io';

const command: Command = {
  summary: '冻结档案（涉及未结案件、未清债务等，不得销毁或移交），或解除冻结',
  usage: 'sanwu hold --db DIR --record 编号 (--reason 冻结原因 | --release [--note 说明]) [--json] [--as 用户名]',
  flags: { ...DB_FLAG, record: { type: 'number', required: true }, reason: { type: 'string' }, release: { type: 'boolean' }, note: { type: 'string' }, json: { type: 'boolean' } },
  async run(args, io) {
    const f = args.flags;
    if ((f.reason === undefined) === !f.release) throw usageError('请给出 --reason 冻结原因 或 --release 之一');
    const named = { recordId: '--record', reason: '--reason', note: '--note' };
    const hold = f.release
      ? await withContract(args, io, ({ call }) => call('holds.release', contractInput('holds.release', { recordId: f.record as number, note: f.note as string | undefined }, named)))
      : await withContract(args, io, ({ call }) => call('holds.set', contractInput('holds.set', { recordId: f.record as number, reason: f.reason as string }, named)));
    if (f.json) printJson(io, hold);
    else {
      const name = hold.archivalCode ? `档号 ${hold.archivalCode}` : `记录 ${hold.recordId}`;
      io.stdout(f.release ? `${name} 已解除冻结。\n` : `${name} 已冻结（${hold.reason}）：解除前不能销毁或移交。\n`);
    }
    return 0;
  },
};
export default command;
