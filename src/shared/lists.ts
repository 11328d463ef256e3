// A list as the page shows it (records, check results, audit results, import errors, …), sent to core
// to be written as an .xlsx that prints like the package's sheets (lists.export). Cells keep their
// kind: dates become real Excel dates, numbers stay numbers.
import { z } from 'zod';

export const LIST_CELL_KINDS = ['text', 'number', 'money', 'date', 'datetime'] as const;
export type ListCellKind = (typeof LIST_CELL_KINDS)[number];

/** Rows a list export takes at most (a records export of more goes through records.export). */
export const MAX_LIST_ROWS = 20_000;

export const listColumnSchema = z.object({
  header: z.string().trim().min(1).max(40),
  /** text (default), number, money (yuan, 2 decimals), date (YYYY-MM-DD), datetime (ISO 8601) */
  kind: z.enum(LIST_CELL_KINDS).optional(),
  /** Excel characters (a Chinese character takes two); left out: by kind and header */
  width: z.number().int().min(4).max(100).optional(),
});
export type ListColumn = z.input<typeof listColumnSchema>;

export const listCellSchema = z.union([z.string().max(10_000), z.number().finite(), z.null()]);
export type ListCell = z.infer<typeof listCellSchema>;

export const listExportSchema = z
  .object({
    /** the list's name, e.g. 档案目录, 档案检查结果; the sheet's title is the street office's name and this */
    title: z.string().trim().min(1).max(60),
    /** what the list holds, e.g. the filters in words */
    note: z.string().trim().max(300).optional(),
    columns: z.array(listColumnSchema).min(1).max(40),
    rows: z.array(z.array(listCellSchema).max(40)).max(MAX_LIST_ROWS, `一次最多导出 ${MAX_LIST_ROWS} 行，请缩小范围后分批导出。`),
  })
  .superRefine((list, ctx) => {
    const long = list.rows.findIndex((r) => r.length > list.columns.length);
    if (long >= 0) ctx.addIssue({ code: 'custom', path: ['rows', long], message: `第 ${long + 1} 行的格数多于列数。` });
  });
export type ListExport = z.input<typeof listExportSchema>;
