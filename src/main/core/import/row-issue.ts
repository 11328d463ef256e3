// A refusal inside one row, and zod's findings turned into such refusals.
import type { z } from 'zod';

export interface RowIssue {
  /** the column header, or null for the row as a whole */
  column: string | null;
  message: string;
}

/** Maps the schema's issues to the columns of the fields they concern. */
export function schemaIssues(error: z.ZodError, headerOf: Record<string, string>): RowIssue[] {
  return error.issues.map((i) => {
    const field = String(i.path[0] ?? '');
    const column = headerOf[field] ?? null;
    if (i.code === 'too_big') return { column, message: `超出允许的范围（最多 ${String(i.maximum)}${i.origin === 'string' ? ' 个字' : ''}），请核对` };
    if (i.code === 'too_small') return { column, message: i.origin === 'string' ? '不能为空' : `不能小于 ${String(i.minimum)}` };
    return { column, message: i.message };
  });
}
