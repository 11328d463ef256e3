// records.json of the annual reporting package: what a district needs to aggregate a street office's
// year — the office, its communities with their profiles and assessment results, and the year's
// records with their attachments' digests. A reader checks `schema` first, then parses the whole
// document with recordsJsonSchema.
//
// Versions: sanwu.records/1 — office, year, generatedAt, communities {code, name}, records (as the
//   archive holds them, attachments as digests).
// sanwu.records/2 — adds asOf; communities carry type, profile and the audit per standard (score or
//   null, result or null, vetoed, vetoPending, provisional, assessed, awaiting, indicators); records
//   carry communityCode and `disclosure` (a kind whose name contains 公开).
//   Optional since (issue 17, read by the district): `counts` (communities, records, attachments: what
//   the document holds, so a reader can tell it whole), communities' `completeness` (the office's grid:
//   per 类别 twelve months of count / expected / missing), attachments' `file` (the path in the bag of a
//   copy the package carries, e.g. data/06_…/…; its digest is the manifest's).
// Bump the version whenever a field's meaning or presence changes; adding an optional field does not.
import { z } from 'zod';
import { isoDate } from './schemas';
import { AFFAIRS, COMMUNITY_TYPES, RECORD_STATUSES, RETENTIONS } from './vocabulary';

export const RECORDS_SCHEMA_VERSION = 'sanwu.records/2';

const count = z.number().int().nonnegative();
const figure = z.number().nonnegative().nullable();

export const recordsJsonAttachmentSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: count,
  mediaType: z.string(),
  originalName: z.string(),
  /** the path in the bag (data/…) of the copy the package carries, if it carries one */
  file: z.string().optional(),
});

export const recordsJsonRecordSchema = z.object({
  id: z.number().int().positive(),
  communityId: z.number().int().positive(),
  /** the community's name */
  community: z.string(),
  /** its 全宗号 */
  communityCode: z.string(),
  affair: z.enum(AFFAIRS),
  kind: z.string().min(1),
  /** a disclosure item (公开事项), not one of the archive's other holdings */
  disclosure: z.boolean(),
  title: z.string(),
  titleSupplied: z.boolean(),
  responsible: z.string(),
  docNumber: z.string(),
  date: isoDate,
  year: z.number().int(),
  disclosureDate: isoDate.nullable(),
  disclosureChannel: z.string().nullable(),
  pages: z.number().int().nullable(),
  retention: z.enum(RETENTIONS),
  /** yuan */
  income: z.number().nullable(),
  expense: z.number().nullable(),
  fundCategory: z.string().nullable(),
  notes: z.string(),
  secrecy: z.string(),
  categoryCode: z.string(),
  archivalCode: z.string().nullable(),
  archivalParts: z
    .object({ fondsCode: z.string(), categoryCode: z.string(), year: z.number().int(), retentionCode: z.string(), problemCode: z.string(), itemNo: z.number().int().positive() })
    .nullable(),
  boxNo: z.number().int().nullable(),
  status: z.enum(RECORD_STATUSES),
  createdAt: z.string(),
  updatedAt: z.string(),
  attachments: z.array(recordsJsonAttachmentSchema),
});

export const recordsJsonStandardSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  /** null: nothing could be scored (暂无可评分项) */
  score: z.number().nullable(),
  result: z.enum(['达标', '基本达标', '不达标']).nullable(),
  vetoed: z.boolean(),
  /** a veto item awaits attestation: no claim either way */
  vetoPending: z.boolean(),
  /** items await attestation or are not yet due: the grade is provisional (暂评) */
  provisional: z.boolean(),
  assessed: count,
  awaiting: count,
  indicators: z.array(
    z.object({
      id: z.string(),
      status: z.enum(['met', 'partial', 'unmet', 'pending', 'manual', 'na']),
      veto: z.boolean(),
      missing: z.array(z.string()),
      /** record ids */
      evidence: z.array(z.number().int()),
    }),
  ),
});

export const recordsJsonCompletenessSchema = z.object({
  affair: z.enum(AFFAIRS),
  /** January to December */
  cells: z.array(z.object({ count, expected: count, missing: z.array(z.string()) })).length(12),
});

export const recordsJsonCommunitySchema = z.object({
  code: z.string(),
  name: z.string(),
  type: z.enum(COMMUNITY_TYPES),
  profile: z.object({ households: figure, population: figure, areaKm2: figure, residentUnits: figure, stationArea: figure, weeklyHours: figure }),
  audit: z.array(recordsJsonStandardSchema),
  /** the completeness grid's rows of this community (the dashboard's heat map) */
  completeness: z.array(recordsJsonCompletenessSchema).optional(),
});

export const recordsJsonSchema = z.object({
  schema: z.literal(RECORDS_SCHEMA_VERSION),
  /** when the package was made, ISO 8601 */
  generatedAt: z.string(),
  office: z.object({ name: z.string().min(1), code: z.string() }),
  year: z.number().int(),
  /** the day the audit judged as of (YYYY-MM-DD) */
  asOf: isoDate,
  /** what the document holds */
  counts: z.object({ communities: count, records: count, attachments: count }).optional(),
  communities: z.array(recordsJsonCommunitySchema),
  records: z.array(recordsJsonRecordSchema),
});

export type RecordsJson = z.infer<typeof recordsJsonSchema>;
export type RecordsJsonRecord = z.infer<typeof recordsJsonRecordSchema>;
export type RecordsJsonCommunity = z.infer<typeof recordsJsonCommunitySchema>;
export type RecordsJsonStandard = z.infer<typeof recordsJsonStandardSchema>;
export type RecordsJsonCompleteness = z.infer<typeof recordsJsonCompletenessSchema>;
