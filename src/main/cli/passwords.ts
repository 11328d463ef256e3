// New passwords for the CLI: SANWU_NEW_PASSWORD, else asked twice on the terminal.
import { randomBytes } from 'node:crypto';
import { SanwuError } from '../../shared/errors';
import type { CliIO } from './io';

export async function newPassword(io: CliIO, whose: string): Promise<string> {
  if (io.env.SANWU_NEW_PASSWORD) return io.env.SANWU_NEW_PASSWORD;
  const first = await io.prompt?.(`${whose}的新密码（至少 8 个字符）：`, { secret: true });
  if (first === undefined || first === null) {
    throw new SanwuError('INVALID_INPUT', `需要${whose}的新密码：请设置环境变量 SANWU_NEW_PASSWORD，或在终端中运行以便输入。`);
  }
  const again = await io.prompt?.('再输入一次：', { secret: true });
  if (again !== first) throw new SanwuError('INVALID_INPUT', '两次输入的密码不一致，未做任何修改。');
  return first;
}

/** A password for the demo accounts when SANWU_PASSWORD gives none: 12 letters and digits, easy to type. */
export function generatedPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}
