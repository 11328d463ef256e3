// Boundary validation of the standards engine's requests, with Chinese messages.
import type { z } from 'zod';
import { SanwuError } from '../../../shared/errors';

const FIELD_NAMES: Record<string, string> = { year: '年度', community: '社区', indicator: '指标', status: '认定结果', note: '说明', evidence: '佐证记录', standard: '标准' };

/** Parses `input`, or refuses it naming each wrong field: `what` says what was refused. */
export function parseRequest<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.map((i) => {
    const field = FIELD_NAMES[String(i.path[0])] ?? String(i.path[0] ?? '');
    const hint = field === '年度' ? '应为1949—2100之间的整数' : i.message;
    return { message: `${field}：${hint}` };
  });
  throw new SanwuError('INVALID_INPUT', `${what}，请修改后重试。`, issues);
}
