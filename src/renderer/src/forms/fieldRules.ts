// Form fields read by the shared field rules (src/shared/fields): what the clerk typed stays as typed,
// a refusal appears next to the field, and the value saved is shown when it differs from the text.
import type { FormInstance, FormRule } from 'antd';
import type { ErrorIssue } from '../../../shared/errors';
import type { Parsed } from '../../../shared/fields/text';

const blank = (v: unknown): boolean => v === undefined || v === null || String(v).trim() === '';

/** A rule that refuses what `parse` refuses (blank passes: `required` says whether it may be blank). */
export function parsedRule<T>(parse: (text: string) => Parsed<T>, more?: (value: T, form: FormInstance) => string | null): FormRule {
  return (form) => ({
    validator: async (_rule, v: unknown) => {
      if (blank(v)) return;
      const parsed = parse(String(v));
      if ('error' in parsed) throw new Error(parsed.error);
      const problem = more?.(parsed.value, form as FormInstance);
      if (problem) throw new Error(problem);
    },
  });
}

/** The value of a text field that passed its rule, or null when blank. */
export function parsedValue<T>(parse: (text: string) => Parsed<T>, v: unknown): T | null {
  if (blank(v)) return null;
  const parsed = parse(String(v));
  return 'value' in parsed ? parsed.value : null;
}

/** What will be saved, when it reads differently from what was typed (２万 → 20,000.00 元). */
export function savedAs<T>(parse: (text: string) => Parsed<T>, v: unknown, show: (value: T) => string): string | undefined {
  if (blank(v)) return undefined;
  const parsed = parse(String(v));
  if (!('value' in parsed)) return undefined;
  const shown = show(parsed.value);
  return shown === String(v).trim() ? undefined : `将保存为 ${shown}`;
}

/** Puts the server's refusals next to the fields they name (by label); returns those it could not place. */
export function placeIssues(form: FormInstance, issues: ErrorIssue[], fieldOf: Record<string, string>): ErrorIssue[] {
  const left: ErrorIssue[] = [];
  const byField = new Map<string, string[]>();
  for (const issue of issues) {
    const field = issue.column ? fieldOf[issue.column] : undefined;
    if (field) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    else left.push(issue);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name, errors })));
  return left;
}
