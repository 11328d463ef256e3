// A strict flag parser: unknown flags and missing values are usage errors (exit 2).
import { SanwuError } from '../../shared/errors';

export type FlagType = 'string' | 'boolean' | 'number';

export interface FlagSpec {
  type: FlagType;
  /** may be given more than once (values collected in order) */
  multiple?: boolean;
  required?: boolean;
}

export type FlagSpecs = Record<string, FlagSpec>;

export interface ParsedArgs {
  flags: Record<string, string | boolean | number | string[] | undefined>;
  positionals: string[];
}

export function usageError(message: string): SanwuError {
  return new SanwuError('USAGE', message);
}

export function parseArgs(argv: string[], specs: FlagSpecs, allowPositionals: boolean): ParsedArgs {
  const flags: ParsedArgs['flags'] = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg.length > 1) throw usageError(`不认识的选项 ${arg}`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const spec = specs[name];
    if (!spec) throw usageError(`不认识的选项 --${name}`);
    let raw: string | undefined;
    if (spec.type === 'boolean') {
      if (eq !== -1) throw usageError(`选项 --${name} 不带值`);
      flags[name] = true;
      continue;
    }
    if (eq !== -1) raw = arg.slice(eq + 1);
    else {
      raw = argv[++i];
      if (raw === undefined || raw.startsWith('--')) throw usageError(`选项 --${name} 需要一个值`);
    }
    let value: string | number = raw;
    if (spec.type === 'number') {
      if (!/^-?\d+$/.test(raw.trim())) throw usageError(`选项 --${name} 需要一个整数，而不是“${raw}”`);
      value = Number(raw);
    }
    if (spec.multiple) {
      const list = (flags[name] as string[] | undefined) ?? [];
      list.push(String(value));
      flags[name] = list;
    } else {
      if (flags[name] !== undefined) throw usageError(`选项 --${name} 只能给一次`);
      flags[name] = value;
    }
  }
  for (const [name, spec] of Object.entries(specs)) {
    if (spec.required && flags[name] === undefined) throw usageError(`缺少选项 --${name}`);
  }
  if (!allowPositionals && positionals.length > 0) throw usageError(`多余的参数：${positionals.join(' ')}`);
  return { flags, positionals };
}
