// The 档号 template in force, as the settings page shows and saves it.
import { SanwuError } from '../../../shared/errors';
import type { ArchivalCodeParts } from '../../../shared/domain';
import type { ArchiveContext } from '../context';
import { setSetting } from '../settings/store';
import { codeTemplate } from './filing';
import { CODE_TEMPLATE_SETTING, DEFAULT_CODE_TEMPLATE, renderArchivalCode, templateProblems } from './template';

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
