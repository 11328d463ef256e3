// PLACEHOLDER: replaced by the issue that builds this command.
import { SanwuError } from '../../../shared/errors';
import type { Command } from '../command';

const command: Command = {
  summary: 'list',
  usage: 'sanwu list',
  flags: {},
  positionals: true,
  async run() {
    throw new SanwuError('INTERNAL', '命令 list 尚未实现。');
  },
};
export default command;
