// The Chinese names users see for fields, contract methods, audit actions and file types: one
// dictionary for the import, the handlers' refusals, the CLI and the UI, so no internal name reaches a
// message.
import type { ApiMethod } from './api';

/** A record's fields (ArchiveRecord / RecordInput keys). */
export const RECORD_LABELS = {
  communityId: '社区',
  community: '社区',
  affair: '类别',
  kind: '事项',
  title: '题名',
  titleSupplied: '自拟题名',
  responsible: '责任者',
  docNumber: '文号',
  date: '成文日期',
  disclosureDate: '公开日期',
  disclosureChannel: '公开形式',
  pages: '页数',
  retention: '保管期限',
  income: '收入金额',
  expense: '支出金额',
  fundCategory: '资金类别',
  notes: '备注',
  secrecy: '密级',
  boxNo: '盒号',
  status: '状态',
  archivalCode: '档号',
  attachments: '附件',
  year: '年度',
  id: '编号',
} as const;

/** A community's fields (社区概况). */
export const COMMUNITY_LABELS = {
  name: '社区名称',
  code: '社区代码',
  type: '类型',
  households: '户数',
  population: '人口',
  areaKm2: '辖区面积',
  residentUnits: '驻区单位数',
  stationArea: '服务站面积',
  weeklyHours: '每周服务时长',
} as const;

/** A roster entry's fields (人员与组织). */
export const ROSTER_LABELS = {
  community: '社区',
  communityId: '社区',
  kind: '类型',
  name: '名称',
  startDate: '起始日期',
  endDate: '终止日期',
  note: '备注',
} as const;

/** Units of the profile figures, as the standards and the forms write them. */
export const COMMUNITY_UNITS: Partial<Record<keyof typeof COMMUNITY_LABELS, string>> = {
  households: '户',
  population: '人',
  areaKm2: '平方公里',
  residentUnits: '个',
  stationArea: '平方米',
  weeklyHours: '小时',
};

/** Stored column names (audit entries keep rows as stored) to their labels. */
export const COLUMN_LABELS: Record<string, string> = {
  title: RECORD_LABELS.title,
  kind: RECORD_LABELS.kind,
  affair: RECORD_LABELS.affair,
  date: RECORD_LABELS.date,
  responsible: RECORD_LABELS.responsible,
  doc_number: RECORD_LABELS.docNumber,
  disclosure_date: RECORD_LABELS.disclosureDate,
  disclosure_channel: RECORD_LABELS.disclosureChannel,
  pages: RECORD_LABELS.pages,
  retention: RECORD_LABELS.retention,
  income_fen: '收入金额（分）',
  expense_fen: '支出金额（分）',
  fund_category: RECORD_LABELS.fundCategory,
  notes: RECORD_LABELS.notes,
  secrecy: RECORD_LABELS.secrecy,
  status: RECORD_LABELS.status,
  archival_code: RECORD_LABELS.archivalCode,
  box_no: RECORD_LABELS.boxNo,
  original_name: '文件名',
  void_reason: '作废原因',
};

/** Every input field name of the contract, for refusals that name the field. */
export const INPUT_LABELS: Record<string, string> = {
  ...ROSTER_LABELS,
  ...COMMUNITY_LABELS,
  ...RECORD_LABELS,
  communities: '社区',
  code: '代码',
  name: '名称',
  recordId: '档案记录',
  reason: '原因',
  template: '档号模板',
  q: '检索词',
  limit: '每页条数',
  offset: '起始位置',
  files: '工作簿',
  dataBase64: '文件内容',
  ids: '标准',
  standard: '标准',
  indicator: '指标',
  evidence: '佐证记录',
  nextSteps: '下一步工作',
  zip: '压缩包',
  path: '路径',
  patch: '修改内容',
  dryRun: '仅校验',
  skipInvalid: '跳过错误行',
  voided: '已作废',
  full: '完整校验',
  username: '用户名',
  password: '密码',
  oldPassword: '原密码',
  newPassword: '新密码',
  display: '姓名',
  role: '角色',
  out: '输出位置',
  seed: '种子',
  records: '件数',
  fingerprint: '导入指纹',
  source: '来源',
  usersPassword: '演示账号的密码',
};

/** Where a field name means something else for one method. */
export const METHOD_INPUT_LABELS: Partial<Record<ApiMethod, Record<string, string>>> = {
  'roster.add': { kind: ROSTER_LABELS.kind },
  'communities.save': { code: '社区代码（全宗号）', name: COMMUNITY_LABELS.name },
  'office.save': { name: '街道名称', code: '街道代码' },
  'retention.set': { kind: RECORD_LABELS.kind },
  'users.add': { name: '用户名' },
  'users.disable': { name: '用户名' },
  'users.enable': { name: '用户名' },
  'users.setRole': { name: '用户名' },
  'users.setPassword': { name: '用户名' },
};

/** What each contract method does, as a clerk would say it (refusals name the action, not the method). */
export const METHOD_LABELS: Partial<Record<ApiMethod, string>> = {
  'app.info': '读取程序信息',
  'auth.signIn': '登录',
  'auth.signOut': '退出登录',
  'auth.whoami': '读取登录信息',
  'auth.changePassword': '修改密码',
  'users.list': '读取用户',
  'users.add': '添加用户',
  'users.disable': '停用用户',
  'users.enable': '启用用户',
  'users.setRole': '修改角色',
  'users.setPassword': '重设密码',
  'office.save': '保存街道信息',
  'communities.list': '读取社区列表',
  'communities.save': '保存社区',
  'roster.list': '读取人员与组织',
  'roster.add': '添加人员与组织',
  'roster.end': '登记离任或撤销',
  'vocabulary.get': '读取词表',
  'retention.list': '读取保管期限表',
  'retention.set': '修改保管期限',
  'codeTemplate.get': '读取档号模板',
  'codeTemplate.set': '保存档号模板',
  'standards.list': '读取考评标准',
  'standards.setInUse': '选择考评标准',
  'records.search': '查询档案',
  'records.get': '读取档案',
  'records.create': '新建档案',
  'records.update': '修改档案',
  'records.void': '作废档案',
  'records.restore': '恢复作废的档案',
  'attachments.add': '添加附件',
  'attachments.remove': '移除附件',
  'attachments.url': '查看附件',
  'filing.preview': '预览归档',
  'filing.run': '归档',
  'dashboard.summary': '读取工作台',
  'import.template': '下载导入模板',
  'import.run': '导入',
  'import.files': '导入',
  'audit.run': '考评',
  'audit.attest': '人工认定',
  'audit.grid': '读取齐全度',
  'check.run': '档案检查',
  'report.build': '生成报送包',
  'report.write': '生成报送包',
  'shell.showInFolder': '打开所在文件夹',
  'backup.create': '备份',
  'backup.write': '备份',
  'backup.restore': '从备份恢复',
  'demo.generate': '生成演示档案库',
};

/** The action's label, never the method's name. */
export const methodLabel = (method: string): string => METHOD_LABELS[method as ApiMethod] ?? '此操作';

/** Audit-log actions as the record history shows them. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  create: '登记',
  update: '修改',
  void: '作废',
  restore: '恢复',
  attach: '添加附件',
  detach: '移除附件',
  file: '归档',
  import: '导入',
};

/** Media types by name: "PDF 文件", "PNG 图片", never application/pdf. */
export const MEDIA_TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF 文件',
  'application/ofd': 'OFD 文件',
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/tiff': 'TIFF 图片',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 工作簿',
  'application/zip': 'ZIP 压缩包',
  'application/vnd.microsoft.portable-executable': '可执行程序',
  'application/x-executable': '可执行程序',
  'text/x-script': '脚本',
  'text/plain': '纯文本',
  'application/octet-stream': '无法识别的文件',
};

export const mediaTypeLabel = (mediaType: string): string => MEDIA_TYPE_LABELS[mediaType] ?? '其他文件';
