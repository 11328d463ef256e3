// The 档号 template in force, as the settings page shows and saves it.
import { SanwuError } from '../../../shared/errors';
import type { ArchivalCodeParts } from '../../../shared/domain';
import type { ArchiveContext } from '../context';
import { setSetting } from '../settings/store';
import { codeTemplate } from './filing';
import { CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE, renderArchivalCode, TEMPLATE_FIELDS, templateProblems } from './template';

/** The example shown under the template. */
const EXAMPLE_PARTS: ArchivalCodeParts = { fondsCode: 'S101', categoryCode: 'WS', year: 2025, retentionCode: 'Y', problemCode: 'JW', itemNo: 1 };

export async function currentCodeTemplate(ctx: ArchiveContext): Promise<{ template: string; isDefault: boolean; example: string }> {
  const template = await codeTemplate(ctx.db);
  return { template, isDefault: template === DEFAULT_CODE_TEMPLATE, example: renderArchivalCode(EXAMPLE_PARTS, template) };
}

export async function saveCodeTemplate(ctx: ArchiveContext, template: string): Promise<{ template: string; example: string }> {
  const problems = templateProblems(template);
  if (problems.length > 0) {
    throw new SanwuError('INVALID_INPUT', `档号模板“${template}”不可用，未保存：${problems.join('；')}。`, problems.map((message) => ({ column: '档号模板', message })));
  }
  await setSetting(ctx, CODE_TEMPLATE_SETTING, template);
  return { template, example: renderArchivalCode(EXAMPLE_PARTS, template) };
}

/** What each placeholder stands for, in the help under the template. */
const FIELD_MEANINGS: Record<string, string> = {
  全宗号: '社区代码，如 S101',
  门类: 'WS 文书、KU 会计',
  年度: '成文年度，如 2025',
  保管期限: 'Y 永久、D30 定期30年、D10 定期10年',
  问题: 'DW 党务、JW 居务、CW 财务',
  件号: '按 DA/T 22 补足 4 位，如 0001',
};

export interface CodeTemplatePreview {
  /** the example 档号 this template gives, or null when it cannot be used */
  example: string | null;
  /** why it cannot be used (the same words saving it would refuse it with) */
  problems: string[];
  /** the placeholders it may use, each with its meaning */
  fields: { name: string; meaning: string }[];
}

/** A template as typed, checked by the rule that saving applies, with the example it would give. */
export function previewCodeTemplate(template: string): CodeTemplatePreview {
  const problems = templateProblems(template);
  return {
    example: problems.length === 0 ? renderArchivalCode(EXAMPLE_PARTS, template) : null,
    problems,
    fields: TEMPLATE_FIELDS.map((name) => ({ name, meaning: FIELD_MEANINGS[name] ?? '' })),
  };
}
