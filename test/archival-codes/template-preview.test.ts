// The 档号规则 help matches the validator: every placeholder it lists is one the validator takes, the
// validator takes no other, and the live example is what saving would then give (or the refusal).
import { describe, expect, it } from 'vitest';
import { previewCodeTemplate, saveCodeTemplate } from '../../src/main/core/archival-codes/template-setting';
import { DEFAULT_CODE_TEMPLATE, templateProblems } from '../../src/main/core/archival-codes/template';
import { tempArchive } from '../helpers/archive';

describe('codeTemplate.preview', () => {
  it('lists exactly the placeholders the validator takes', () => {
    const { fields } = previewCodeTemplate(DEFAULT_CODE_TEMPLATE);
    expect(fields.map((f) => f.name)).toEqual(['全宗号', '门类', '年度', '保管期限', '问题', '件号']);
    for (const f of fields) expect(f.meaning).not.toBe('');
    // all listed together make a usable template; each is known to the validator
    expect(templateProblems(fields.map((f) => `{${f.name}}`).join('-'))).toEqual([]);
    // the old help's {期限} is not one of them
    expect(previewCodeTemplate('{全宗号}-{年度}-{期限}-{件号}').problems).toContain('档号模板中的“{期限}”不是可用的字段');
  });

  it('gives the example saving would give, or the refusal saving would give', async () => {
    const a = await tempArchive();
    try {
      const template = '{全宗号}·{年度}·{保管期限}·{件号}';
      expect(previewCodeTemplate(template)).toMatchObject({ example: 'S101·2025·Y·0001', problems: [] });
      expect((await saveCodeTemplate(a.ctx, template)).example).toBe('S101·2025·Y·0001');
      const bad = previewCodeTemplate('{全宗号}-{年度}');
      expect(bad.example).toBeNull();
      await expect(saveCodeTemplate(a.ctx, '{全宗号}-{年度}')).rejects.toMatchObject({ issues: bad.problems.map((message) => ({ message })) });
    } finally {
      await a.close();
    }
  });
});
