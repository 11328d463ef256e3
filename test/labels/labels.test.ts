// One dictionary of Chinese names (src/shared/labels.ts): every contract method and every input field
// it takes has one, so no refusal can show an internal name.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { API, API_METHODS } from '../../src/shared/api';
import { INPUT_LABELS, MEDIA_TYPE_LABELS, METHOD_LABELS, mediaTypeLabel, methodLabel } from '../../src/shared/labels';
import { MEDIA_TYPES } from '../../src/main/core/attachments/sniff';

/** The field names of an object schema, one level down into objects and arrays of objects. */
function fieldsOf(schema: z.ZodType): string[] {
  const s = schema as unknown as { shape?: Record<string, z.ZodType>; unwrap?: () => z.ZodType; element?: z.ZodType; def?: { innerType?: z.ZodType } };
  if (s.shape) return Object.entries(s.shape).flatMap(([k, v]) => [k, ...fieldsOf(v)]);
  const inner = s.def?.innerType ?? s.element;
  return inner ? fieldsOf(inner) : [];
}

describe('the labels dictionary', () => {
  it('names every contract method in Chinese', () => {
    const missing = API_METHODS.filter((m) => !METHOD_LABELS[m]);
    expect(missing).toEqual([]);
    for (const m of API_METHODS) expect(methodLabel(m)).toMatch(/^[\u4e00-\u9fff]/u);
    expect(methodLabel('no.such')).toBe('此操作');
  });

  it('names every input field of every method', () => {
    const fields = new Set(API_METHODS.flatMap((m) => fieldsOf(API[m].input)));
    expect([...fields].filter((f) => !INPUT_LABELS[f]).sort()).toEqual([]);
  });

  it('names every media type the store gives, never showing the MIME type', () => {
    for (const type of Object.values(MEDIA_TYPES)) expect(MEDIA_TYPE_LABELS[type], type).toMatch(/[\u4e00-\u9fff]|PDF|OFD/u);
    expect(mediaTypeLabel('application/pdf')).toBe('PDF 文件');
    expect(mediaTypeLabel('image/png')).toBe('PNG 图片');
    expect(mediaTypeLabel('application/x-unheard-of')).toBe('其他文件');
  });
});
