// A refused input (ZodError) as a SanwuError whose Chinese text names the field.
import type { z } from 'zod';
import { SanwuError, type ErrorIssue } from '../../shared/errors';

const FIELD_LABELS: Record<string, string> = {
  communityId: '社区', community: '社区', communities: '社区', affair: '类别', kind: '事项', title: '题名',
  titleSupplied: '自拟题名', responsible: '责任者', docNumber: '文号', date: '成文日期', disclosureDate: '公开日期',
  disclosureChannel: '公开形式', pages: '页数', retention: '保管期限', income: '收入金额', expense: '支出金额',
  fundCategory: '资金类别', notes: '备注', note: '备注', secrecy: '密级', boxNo: '盒号', status: '状态',
  code: '代码', name: '名称', type: '类型', households: '户数', population: '人口', areaKm2: '辖区面积',
  residentUnits: '驻区单位数', stationArea: '服务站面积', weeklyHours: '每周服务时长', startDate: '起始日期',
  endDate: '终止日期', year: '年度', id: '编号', recordId: '档案记录', reason: '原因', template: '档号模板',
  q: '检索词', limit: '每页条数', offset: '起始位置', files: '工作簿', dataBase64: '文件内容', ids: '标准',
  standard: '标准', indicator: '指标', evidence: '证据', nextSteps: '下一步工作', zip: '压缩包', path: '路径',
  patch: '修改内容', dryRun: '仅校验', skipInvalid: '跳过错误行',
};

/** Where a field name means something else for one method. */
const METHOD_LABELS: Record<string, Record<string, string>> = {
  'roster.add': { kind: '类型' },
  'communities.save': { code: '社区代码（全宗号）', name: '社区名称' },
  'office.save': { name: '街道名称', code: '街道代码' },
  'retention.set': { kind: '事项' },
};

const TYPE_NAMES: Record<string, string> = { number: '数字', string: '文字', boolean: '是/否', array: '列表', object: '对象' };

const hasChinese = (s: string): boolean => /[\u4e00-\u9fff]/u.test(s);

function fieldName(path: PropertyKey[], labels: Record<string, string>): string {
  const parts = path.map((p) => (typeof p === 'number' ? `第${p + 1}项` : (labels[String(p)] ?? String(p))));
  return parts.length > 0 ? parts.join('·') : '输入';
}

/** Why zod refused one value, in Chinese. */
export function issueReason(issue: z.core.$ZodIssue): string {
  // a message of our own; zod's English ones may quote Chinese values but start in English
  if (hasChinese(issue.message) && !/^[A-Za-z]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod leaves the input out of issues; its English text still says what it got
      return issue.message.endsWith('received undefined') ? '必须填写' : `应为${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return issue.origin === 'string' ? (Number(issue.minimum) <= 1 ? '不能为空' : `至少 ${issue.minimum} 个字`) : `不能小于 ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'string' ? `最多 ${issue.maximum} 个字` : `不能大于 ${issue.maximum}`;
    case 'invalid_value':
      return `应为 ${issue.values.map(String).join('、')} 之一`;
    case 'unrecognized_keys':
      return `不认识的字段 ${issue.keys.join('、')}`;
    case 'invalid_format':
      return '格式不正确';
    default:
      return '不符合要求';
  }
}

export function inputError(error: z.ZodError, method: string): SanwuError {
  const labels = { ...FIELD_LABELS, ...METHOD_LABELS[method] };
  const issues: ErrorIssue[] = error.issues.map((i) => ({ column: fieldName(i.path, labels), message: issueReason(i) }));
  const list = issues.map((i) => `${i.column}：${i.message}`).join('；');
  return new SanwuError('INVALID_INPUT', `输入有误，未做任何修改（${method}）：${list}。请改正后再试。`, issues);
}
