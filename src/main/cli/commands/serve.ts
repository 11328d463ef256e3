// PLACEHOLDER: replaced by the issue that builds this command.
import { SanwuError } from '../../../shared/errors';
import type { Command } from '../command';

const command: Command = {
  summary: 'serve',
  usage: 'sanwu serve',
  flags: {},
  positionals: true,
  async run() {
    throw new SanwuError('INTERNAL', '命令 serve 尚未实现。');
  },
};
export default command;
