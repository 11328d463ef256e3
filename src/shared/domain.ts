// Domain types shared by core, transports and UI (DESIGN.md "The domain").
import type { Affair, CommunityType, RecordStatus, Retention } from './vocabulary';

export interface StreetOffice {
  name: string;
  code: string;
}

export interface CommunityProfile {
  households: number | null;
  population: number | null;
  /** 辖区面积, km² */
  areaKm2: number | null;
  /** 驻区单位数 */
  residentUnits: number | null;
  /** 服务站面积, m² */
  stationArea: number | null;
  /** 每周服务时长, hours */
  weeklyHours: number | null;
}

export interface Community extends CommunityProfile {
  id: number;
  /** 全宗号 */
  code: string;
  name: string;
  type: CommunityType;
}

export interface RosterEntry {
  id: number;
  communityId: number;
  kind: string;
  name: string;
  startDate: string | null;
  endDate: string | null;
  note: string;
}

/** The separately stored parts of a 档号 (DA/T 22-2015). */
export interface ArchivalCodeParts {
  fondsCode: string;
  categoryCode: string;
  year: number;
  retentionCode: string;
  problemCode: string;
  itemNo: number;
}

export interface ArchiveRecord {
  id: number;
  communityId: number;
  community: string;
  affair: Affair;
  kind: string;
  title: string;
  /** The archivist wrote the title (shown in [ ] in catalogues). */
  titleSupplied: boolean;
  responsible: string;
  docNumber: string;
  /** 成文日期 YYYY-MM-DD */
  date: string;
  year: number;
  disclosureDate: string | null;
  disclosureChannel: string | null;
  pages: number | null;
  retention: Retention;
  /** yuan */
  income: number | null;
  /** yuan */
  expense: number | null;
  fundCategory: string | null;
  notes: string;
  secrecy: string;
  categoryCode: string;
  archivalCode: string | null;
  archivalParts: ArchivalCodeParts | null;
  boxNo: number | null;
  status: RecordStatus;
  /** when it was voided (作废), or null; a voided record keeps its status and shows 已作废 */
  voidedAt: string | null;
  voidReason: string | null;
  attachments: number;
  createdAt: string;
  updatedAt: string;
  /** counts every change; an edit names the version it was made from (records.update) */
  version: number;
}

/** The archive's newest change (its audit entry): screens poll it to refresh when others write. */
export interface ArchiveChanges {
  /** grows with every change */
  seq: number;
  at: string | null;
  actor: string | null;
}

export interface Attachment {
  id: number;
  recordId: number;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
  createdAt: string;
}

export interface AuditEntry {
  id: number;
  at: string;
  /** the account's user name (or, without accounts, the OS user) */
  actor: string;
  /** the account's name for people (姓名), where it has one */
  actorDisplay?: string;
  action: string;
  entity: string;
  entityId: number | null;
  before: unknown;
  after: unknown;
  source: string | null;
}

/** Progress of long work (import, check, report), for the CLI's stderr and the UI. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
  message?: string;
}

export interface LongTaskOptions {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
}
