// Comma lists on the command line (--record 1,2,3; --group 张三，李四; --supervisors 甲、乙), as people type them.
import { usageError } from './args';

export const nameList = (raw: string | undefined): string[] => (raw ?? '').split(/[,，、;；]/).map((s) => s.trim()).filter(Boolean);

export function idList(raw: string, flag: string): number[] {
  const parts = nameList(raw);
  const bad = parts.filter((p) => !/^\d+$/.test(p) || Number(p) < 1);
  if (parts.length === 0 || bad.length > 0) throw usageError(`选项 ${flag} 应为档案记录的编号，多个用逗号分隔（如 12,15,16）${bad.length ? `，而不是“${bad.slice(0, 3).join('、')}”` : ''}`);
  return parts.map(Number);
}
