// What a carrier says about itself: 说明文件.TXT and, in 其他/, the 电子档案移交与接收登记表 (docx) and the
// 移交清册 (xlsx). The transferring side's four checks are what writing the carrier proved: every
// file's bytes matched their registered SHA-256 (真实性), every item has its 档号 and catalogue entry
// and every registered file was copied (完整性), the files are in archival formats (可用性), and
// none is a program or script (安全性).
import { MEDIA_TYPE_LABELS } from '../../../shared/labels';
import { chineseDate } from '../reports/dates';
import { FOUR_CHECKS, gigabytes, transferFormDocx, type CheckName } from '../reports/docx/transfer-form';
import { transferListXlsx } from '../reports/xlsx/transfer-list';
import type { CarrierItem, WrittenCarrier } from './carrier';

export interface CarrierFacts {
  office: string;
  receiver: string;
  carrier: string;
  year: number;
  communities: string[];
  date: Date;
}

export const FORM_NAME = '电子档案移交与接收登记表.docx';
export const LIST_NAME = '移交清册.xlsx';

/** What is needed to read the files, by what the carrier holds. */
const READERS: Record<string, string> = {
  'application/pdf': 'PDF 阅读软件（版式文件）',
  'application/ofd': 'OFD 阅读软件（版式文件）',
  'image/jpeg': '图片查看软件（JPEG）',
  'image/png': '图片查看软件（PNG）',
  'image/tiff': '图片查看软件（TIFF）',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '文字处理软件（Word 文档，WPS 或 Microsoft Office）',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '电子表格软件（Excel 工作簿，WPS 或 Microsoft Office）',
};

function checks(items: CarrierItem[], written: Omit<WrittenCarrier, 'digests'>): Record<CheckName, string> {
  const types = new Set(items.flatMap((i) => i.files.map((f) => f.mediaType)));
  const odd = [...types].filter((t) => !READERS[t]);
  const results: Record<CheckName, string> = {
    真实性: `通过：${written.files}个电子文件的SHA-256摘要与登记一致`,
    完整性: `通过：${items.length}件均有档号，文件目录与电子文件一一对应`,
    可用性: odd.length ? `${odd.map((t) => MEDIA_TYPE_LABELS[t] ?? t).join('、')}非归档格式，请核查` : '通过：均为归档格式（PDF、图片、Word、Excel）',
    安全性: '通过：无可执行程序或脚本',
  };
  return Object.fromEntries(FOUR_CHECKS.map((c) => [c, results[c]])) as Record<CheckName, string>;
}

/** PDF copies without the 归档章 named with why, so the receiver need not wonder */
function unstampedLines(unstamped: WrittenCarrier['unstamped']): string[] {
  if (!unstamped.length) return [];
  return ['', `未加盖归档章的 PDF 文件（${unstamped.length}个，按原样复制）：`, ...unstamped.map((u) => `  ${u.path}：${u.note}`)];
}

export async function transferDocuments(f: CarrierFacts, items: CarrierItem[], written: Omit<WrittenCarrier, 'digests'>) {
  const types = [...new Set(items.flatMap((i) => i.files.map((x) => x.mediaType)))];
  const readme = [
    '电子档案移交载体说明文件',
    '',
    `载体编号：${f.carrier}`,
    `内容：${f.communities.join('、')}${f.year}年度党务、居务、财务公开档案`,
    `数量：${items.length}件，电子文件${written.files}个，数据量约 ${gigabytes(written.bytes)} GB`,
    `立档单位（形成单位）：${f.communities.join('、')}`,
    `保管单位（移交单位）：${f.office}`,
    `制作单位：${f.office}（三务档案系统）`,
    `检验单位：${f.office}（移交前检验）；${f.receiver}（接收检验）`,
    `接收单位：${f.receiver}`,
    `制作日期：${chineseDate(f.date)}`,
    '',
    '载体结构：',
    '  说明文件.TXT              本文件',
    '  文件目录.XML              文件目录（UTF-8 编码），每件一个<文件>：顺序号、档号、责任者、题名、日期、密级、电子档案名称、备注',
    '  电子档案/年度/类别/        电子文件，以档号命名；同一件的第2个及以后的文件为“档号-2”等',
    '  其他/                     电子档案移交与接收登记表、移交清册、数字摘要.txt',
    '',
    `读取所需软件：${types.length ? types.map((t) => READERS[t] ?? MEDIA_TYPE_LABELS[t] ?? t).join('；') : '无电子文件'}；文件目录.XML 可用任何文本编辑器或浏览器打开。`,
    '数字摘要算法：SHA-256。其他/数字摘要.txt 逐行列出除它本身以外每个文件的摘要和相对路径（可用 sha256sum -c 校验）。',
    ...unstampedLines(written.unstamped),
  ];
  const form = await transferFormDocx({ ...f, items: items.length, files: written.files, bytes: written.bytes, checks: checks(items, written) });
  const list = await transferListXlsx({
    ...f,
    items: items.map((i) => ({
      seq: i.seq,
      archivalCode: i.archivalCode,
      responsible: i.responsible,
      title: i.title,
      date: i.date,
      retention: i.retention,
      pages: i.pages,
      files: written.names.get(i.recordId)?.length ?? 0,
      notes: i.notes,
    })),
  });
  return { readme, documents: [{ name: FORM_NAME, data: form }, { name: LIST_NAME, data: list }] };
}
