// The annual reporting package (`sanwu report`).
import { z } from 'zod';
export interface ReportRequest {
  year: number;
  outDir: string;
  zip?: boolean;
  /** community names; all when empty */
  communities?: string[];
  /** 五、下一步打算: the clerk's text; generated from the audit's shortfalls when absent */
  nextSteps?: string;
  /** this package only: over the stored report settings (`sanwu report --doc-number …`) */
  settings?: Partial<ReportSettings>;
  /** also copy the items' files (data/06_电子文件/), PDFs with the 归档章 */
  withFiles?: boolean;
}

export interface ReportResult {
  /** the bag folder */
  path: string;
  zipPath?: string;
  /** payload files, relative to the bag */
  files: string[];
  /** with the items' files: how many were copied, how many PDFs stamped, and why any PDF was not */
  itemFiles?: { copied: number; stamped: number; unstamped: { path: string; note: string }[] };
}

/** The work report's 公文 settings (报表 page, `report.settings.*`): 发文字号, 签发人, 主送机关, 加盖印章. */
const settingFields = {
  /** e.g. 幸街发〔2026〕3号; empty: printed blank, to be numbered by hand */
  docNumber: z.string().trim().max(40, '发文字号不能超过40个字'),
  /** 签发人 of an upward report; empty: printed blank, to be signed */
  signer: z.string().trim().max(20, '签发人不能超过20个字'),
  addressee: z.string().trim().min(1, '请填写主送机关').max(60, '主送机关不能超过60个字'),
  /** sealed (加盖印章) or unsealed signature layout (GB/T 9704 7.3.5) */
  sealed: z.boolean(),
};
export const reportSettingsSchema = z.object({
  docNumber: settingFields.docNumber.default(''),
  signer: settingFields.signer.default(''),
  addressee: settingFields.addressee.default('区民政局'),
  sealed: settingFields.sealed.default(true),
});
/** some settings, for one package only (no defaults: what is left out keeps its stored value) */
export const reportSettingsOverrideSchema = z.object(settingFields).partial();
export type ReportSettings = z.output<typeof reportSettingsSchema>;
export type ReportSettingsInput = z.input<typeof reportSettingsSchema>;
