// The CLI calls core through the contract, like the page does: the same invoke path (roles, input
// checks, audit), with `--as USER` / SANWU_USER signed in once per run (password from SANWU_PASSWORD or
// a prompt) when the archive has accounts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API, type ApiInput, type ApiMethod, type ApiOutput, type ApiParsedInput } from '../../shared/api';
import { SanwuError } from '../../shared/errors';
import type { OpenOptions } from '../core/archive';
import type { ArchiveContext } from '../core/context';
import { SessionStore } from '../core/users/sessions';
import { issueReason } from '../handlers/input-error';
import { invoke } from '../handlers/invoke';
import type { HandlerEnv } from '../handlers/types';
import type { ParsedArgs } from './args';
import { usageError } from './args';
import { withArchive } from './command';
import { progressToStderr, type CliIO } from './io';

export const PROJECT_ROOT = join(import.meta.dirname, '../../..');

export const appVersion = (): string => (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

export type ContractCall = <M extends ApiMethod>(method: M, input: ApiInput<M>) => Promise<ApiOutput<M>>;

export interface Contract {
  call: ContractCall;
  ctx: ArchiveContext;
  /** who signed in for this run, with the password given (a user changing their own password needs it) */
  signedIn?: { name: string; password: string };
}

const NEEDS_IDENTITY =
  '此档案库已设置用户账号，命令行也须指明身份：请加 --as 用户名（或设环境变量 SANWU_USER），密码由环境变量 SANWU_PASSWORD 提供或在提示时输入。';

/**
 * The input a command built from its flags, checked by the method's own schema before anything is
 * opened: a refused value is a usage error (exit 2) naming its flag. `flags` maps input fields to what
 * the user gave them as (`--year`).
 */
export function contractInput<M extends ApiMethod>(method: M, input: ApiInput<M>, flags: Record<string, string>): ApiParsedInput<M> {
  const parsed = API[method].input.safeParse(input);
  if (parsed.success) return parsed.data as ApiParsedInput<M>;
  const problems = parsed.error.issues.map((i) => {
    const [field, ...rest] = i.path;
    const flag = flags[String(field)] ?? '输入';
    const place = rest.map((p) => (typeof p === 'number' ? `第${p + 1}项` : String(p))).join('·');
    return `${flag}${place ? ` ${place}` : ''} ${issueReason(i)}`;
  });
  throw usageError(problems.join('；'));
}

async function password(io: CliIO, name: string): Promise<string> {
  const given = io.env.SANWU_PASSWORD ?? (await io.prompt?.(`用户“${name}”的密码：`, { secret: true }));
  if (given === undefined || given === null || given === '') {
    throw new SanwuError('AUTH_REQUIRED', `需要用户“${name}”的密码：请设置环境变量 SANWU_PASSWORD，或在终端中运行以便输入密码。`);
  }
  return given;
}

/** The contract on an open archive, signed in as --as / SANWU_USER where it has accounts. */
export async function contractFor(ctx: ArchiveContext, args: ParsedArgs, io: CliIO, extra?: (ctx: ArchiveContext) => Partial<HandlerEnv>): Promise<Contract> {
  let session: string | undefined;
  const env: HandlerEnv = {
    mode: 'cli',
    version: appVersion(),
    sessions: new SessionStore(),
    signal: io.signal,
    onProgress: progressToStderr(io),
    links: { attachment: (id) => String(id), download: (path) => path },
    ...extra?.(ctx),
  };
  const name = (args.flags.as as string | undefined) ?? io.env.SANWU_USER;
  const call: ContractCall = async (method, input) => {
    const reply = await invoke(ctx, method, input, { ...env, session });
    if (reply.ok) return reply.value as ApiOutput<typeof method>;
    const { code, message, issues } = reply.error;
    throw new SanwuError(code, code === 'AUTH_REQUIRED' && !name ? NEEDS_IDENTITY : message, issues);
  };
  const info = await call('app.info', {});
  let signedIn: Contract['signedIn'];
  if (info.accounts && name) {
    const given = await password(io, name);
    const user = await call('auth.signIn', { username: name, password: given });
    session = user.session;
    signedIn = { name: user.name, password: given };
  } else if (!info.accounts && args.flags.as !== undefined) {
    io.stderr('提示：此档案库还没有用户账号，--as 不起作用，操作仍记在本机用户名下。\n');
  }
  return { call, ctx, signedIn };
}

/** Opens the archive, signs in as --as / SANWU_USER where it has accounts, and calls through the contract. */
export function withContract<T>(
  args: ParsedArgs,
  io: CliIO,
  fn: (contract: Contract) => Promise<T>,
  options: OpenOptions & { env?: (ctx: ArchiveContext) => Partial<HandlerEnv> } = {},
): Promise<T> {
  const { env: extra, ...open } = options;
  return withArchive(args, io, async (ctx) => fn(await contractFor(ctx, args, io, extra)), open);
}
