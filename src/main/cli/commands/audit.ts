// PLACEHOLDER: replaced by the issue that builds this command.
import { SanwuError } from '../../../shared/errors';
import type { Command } from '../command';

const command: Command = {
  summary: 'audit',
  usage: 'sanwu audit',
  flags: {},
  positionals: true,
  async run() {
    throw new SanwuError('INTERNAL', '命令 audit 尚未实现。');
  },
};
export default command;
