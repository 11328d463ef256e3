// Date forms the documents use: GB/T 9704 (2025年1月5日), DA/T 22 (YYYYMMDD), Excel (a real date).

/** `2025年1月5日`, no zero padding (GB/T 9704). Takes YYYY-MM-DD or a Date (local day). */
export function chineseDate(d: string | Date): string {
  const [y, m, day] = typeof d === 'string' ? d.split('-').map(Number) : [d.getFullYear(), d.getMonth() + 1, d.getDate()];
  return `${y}年${m}月${day}日`;
}

/** `20250305` (DA/T 22-2015 catalogue). */
export function compactDate(iso: string): string {
  return iso.replaceAll('-', '');
}

/** A date cell: midnight UTC, which exceljs writes as the whole-day serial. */
export function excelDate(iso: string | null): Date | null {
  // built from the parts: parsing a string per cell is a tenth of a 100,000-row ledger's time
  return iso ? new Date(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)))) : null;
}

/** 1–12 from YYYY-MM-DD. */
export function monthOf(iso: string): number {
  return Number(iso.slice(5, 7));
}
