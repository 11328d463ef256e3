// `sanwu appraisal due|open|decide|close`: the items due for appraisal as of a date, a batch per
// opening, decisions with reasons, and closing (the 鉴定意见书 and the draft 销毁清册 into --out and the
// archive). DESIGN.md gives the JSON of due and open: {batch (open), asOf, items: [{id, archivalCode,
// title, year, retention, dueFrom}]}.
import { resolve } from 'node:path';
import type { DueItem } from '../../../shared/lifecycle';
import type { Retention } from '../../../shared/vocabulary';
import { usageError } from '../args';
import { DB_FLAG, type Command } from '../command';
import { contractInput, withContract } from '../contract';
import { printJson, type CliIO } from '../io';
import { idList, nameList } from '../lists';
import { exportDocuments, printDocuments } from '../documents';

const ACTIONS = ['due', 'open', 'decide', 'close'] as const;
type Action = (typeof ACTIONS)[number];

const YEARS: Record<string, Retention> = { '10': '定期10年', '30': '定期30年', 永久: '永久', 定期10年: '定期10年', 定期30年: '定期30年' };

const dueItem = (i: DueItem) => ({ id: i.id, archivalCode: i.archivalCode, title: i.title, year: i.year, retention: i.retention, dueFrom: i.dueFrom, community: i.community, held: i.held });

function printDue(io: CliIO, items: DueItem[]): void {
  for (const i of items) io.stdout(`${i.id}\t${i.archivalCode}\t${i.retention}\t到期 ${i.dueFrom}\t${i.title}${i.held ? `\t（已冻结：${i.held}）` : ''}\n`);
}

const command: Command = {
  summary: '到期鉴定：列出到期档案、建立鉴定批次、逐件作出鉴定意见、结束鉴定（生成鉴定意见书和销毁清册草稿）',
  usage: [
    'sanwu appraisal due   [--as-of 日期] [--community 社区] [--json]',
    'sanwu appraisal open  [--as-of 日期] [--community 社区] [--json]',
    'sanwu appraisal decide --batch N --record 编号[,编号…] (--keep --years 10|30|永久 | --destroy) --reason 理由',
    'sanwu appraisal close --batch N --group 组长,成员… --opinion 鉴定意见 --out 文件夹',
    '（均可加 --db DIR、--as 用户名）',
  ].join('\n       '),
  flags: {
    ...DB_FLAG,
    'as-of': { type: 'string' },
    community: { type: 'string' },
    batch: { type: 'number' },
    record: { type: 'string' },
    keep: { type: 'boolean' },
    years: { type: 'string' },
    destroy: { type: 'boolean' },
    reason: { type: 'string' },
    group: { type: 'string' },
    opinion: { type: 'string' },
    out: { type: 'string' },
    json: { type: 'boolean' },
  },
  positionals: true,
  async run(args, io) {
    const [action, ...extra] = args.positionals;
    if (!ACTIONS.includes(action as Action) || extra.length > 0) throw usageError(`请给出 ${ACTIONS.join('、')} 之一`);
    const f = args.flags;
    const need = (flag: string) => {
      if (f[flag] === undefined) throw usageError(`缺少选项 --${flag}`);
    };
    switch (action as Action) {
      case 'due':
      case 'open': {
        const scope = contractInput(`appraisal.${action as 'due' | 'open'}`, { asOf: f['as-of'] as string | undefined, community: f.community as string | undefined }, { asOf: '--as-of', community: '--community' });
        if (action === 'due') {
          const due = await withContract(args, io, ({ call }) => call('appraisal.due', scope));
          if (f.json) printJson(io, { asOf: due.asOf, items: due.items.map(dueItem) });
          else {
            printDue(io, due.items);
            io.stdout(`截至 ${due.asOf}，到期需要鉴定的档案共 ${due.items.length} 件。\n`);
          }
          return 0;
        }
        const opened = await withContract(args, io, ({ call }) => call('appraisal.open', scope));
        if (f.json) printJson(io, { batch: opened.batch, asOf: opened.asOf, items: opened.items.map(dueItem) });
        else io.stdout(`已建立第 ${opened.batch} 批鉴定：截至 ${opened.asOf} 到期的 ${opened.items.length} 件档案列入鉴定（状态为待鉴定）。\n`);
        return 0;
      }
      case 'decide': {
        for (const flag of ['batch', 'record', 'reason']) need(flag);
        if (Boolean(f.keep) === Boolean(f.destroy)) throw usageError('请给出 --keep --years 10|30|永久（继续保存）或 --destroy（拟销毁）之一');
        if (f.destroy && f.years !== undefined) throw usageError('--destroy 不带 --years');
        const retention = f.keep ? YEARS[String(f.years ?? '')] : undefined;
        if (f.keep && !retention) throw usageError('--keep 须带 --years 10、30 或 永久（新的保管期限）');
        const input = contractInput(
          'appraisal.decide',
          { batch: f.batch as number, records: idList(f.record as string, '--record'), decision: f.keep ? 'keep' : 'destroy', retention, reason: f.reason as string },
          { batch: '--batch', records: '--record', retention: '--years', reason: '--reason' },
        );
        const batch = await withContract(args, io, ({ call }) => call('appraisal.decide', input));
        if (f.json) printJson(io, batch);
        else io.stdout(`第 ${batch.id} 批：${input.records.length} 件${f.keep ? `继续保存（${retention}）` : '拟销毁'}。已决定 ${batch.decided}/${batch.items} 件（继续保存 ${batch.keep}，拟销毁 ${batch.destroy}）。\n`);
        return 0;
      }
      case 'close': {
        for (const flag of ['batch', 'group', 'opinion', 'out']) need(flag);
        const input = contractInput('appraisal.close', { batch: f.batch as number, group: nameList(f.group as string), opinion: f.opinion as string }, { batch: '--batch', group: '--group', opinion: '--opinion' });
        const out = resolve(io.cwd, f.out as string);
        const [closed, files] = await withContract(args, io, async ({ call }) => {
          const c = await call('appraisal.close', input);
          return [c, await exportDocuments(call, c.documents, out)] as const;
        });
        if (f.json) printJson(io, { ...closed, files });
        else {
          io.stdout(`第 ${closed.batch.id} 批鉴定已结束：继续保存 ${closed.batch.keep} 件（已回到在保，新的保管期限已生效），拟销毁 ${closed.batch.destroy} 件（待管理员批准销毁）。\n`);
          printDocuments(io, closed.documents, files);
        }
        return 0;
      }
    }
  },
};
export default command;
