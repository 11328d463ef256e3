// A refused input (ZodError) as a SanwuError whose Chinese text names the field.
import type { z } from 'zod';
import { SanwuError, type ErrorIssue } from '../../shared/errors';
import { INPUT_LABELS, METHOD_INPUT_LABELS, methodLabel } from '../../shared/labels';

const TYPE_NAMES: Record<string, string> = { number: '数字', string: '文字', boolean: '是/否', array: '列表', object: '对象' };

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/u.test(s);

function fieldName(path: PropertyKey[], labels: Record<string, string>): string {
  const parts = path.map((p) => (typeof p === 'number' ? `第${p + 1}项` : (labels[String(p)] ?? '其中一项')));
  return parts.length > 0 ? parts.join('·') : '输入';
}

/** Why zod refused one value, in Chinese. */
export function issueReason(issue: z.core.$ZodIssue): string {
  // a message of our own; zod's English ones may quote Chinese values but start in English
  if (hasChinese(issue.message) && !/^[A-Za-z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves the input out of issues; its English text still says what it got
      return issue.message.endsWith('received undefined') ? '必须填写' : `应为${TYPE_NAMES[issue.expected] ?? '正确的内容'}`;
    case 'too_small':
      return issue.origin === 'string' ? (Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`) : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `最多 ${issue.maximum} 个字` : `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join('、')} 之一`;
    case 'unrecognized_keys':
      return `有 ${issue.keys.length} 项多余的内容，请升级程序后再试`;
    case 'invalid_format':
      return '格式不正确';
    default:
      return '不符合要求';
  }
}

export function inputError(error: z.ZodError, method: string): SanwuError {
  const labels = { ...INPUT_LABELS, ...METHOD_INPUT_LABELS[method as keyof typeof METHOD_INPUT_LABELS] };
  const issues: ErrorIssue[] = error.issues.map((i) => ({ column: fieldName(i.path, labels), message: issueReason(i) }));
  const list = issues.map((i) => `${i.column}：${i.message}`).join('；');
  return new SanwuError('INVALID_INPUT', `${methodLabel(method)}的输入有误，未做任何修改：${list}。请改正后再试。`, issues);
}
