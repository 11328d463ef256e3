// 佐证档案 chosen by searching the records (题名, 档号, 文号 …) of the community and year, shown by
// 档号 and 题名 — never typed as bare numbers, so nothing typed is silently dropped.
import { Select, Spin } from 'antd';
import { useEffect, useState } from 'react';
import type { ArchiveRecord } from '../../../../shared/domain';
import { api } from '../../api';

const label = (r: ArchiveRecord): string => `${r.archivalCode ?? '未归档'} ${r.title}（${r.date}）`;

export function EvidencePicker({
  value,
  onChange,
  year,
  community,
  id,
}: {
  value?: number[];
  onChange?: (ids: number[]) => void;
  year: number;
  community: string;
  id?: string;
}): React.JSX.Element {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [searching, setSearching] = useState(false);
  // names of the records seen, for the chosen ones
  const [known, setKnown] = useState<Record<number, string>>({});
  const remember = (records: ArchiveRecord[]) => setKnown((k) => ({ ...k, ...Object.fromEntries(records.map((r) => [r.id, label(r)])) }));
  const chosen = (value ?? []).map((v) => ({ value: v, label: known[v] ?? `档案 ${v}` }));

  // the evidence already recorded, by name
  const ids = JSON.stringify(value ?? []);
  useEffect(() => {
    const wanted = (JSON.parse(ids) as number[]).filter((v) => !(v in known));
    if (wanted.length === 0) return;
    void api.call('records.search', { ids: wanted, limit: wanted.length }).then(({ records }) => {
      if (records.length > 0) remember(records);
    });
  }, [ids, known]);

  const search = async (q: string): Promise<void> => {
    setSearching(true);
    try {
      const { records } = await api.call('records.search', { year, community, q: q.trim() || undefined, limit: 30 });
      remember(records);
      setOptions(records.map((r) => ({ value: r.id, label: label(r) })));
    } finally {
      setSearching(false);
    }
  };

  return (
    <Select<number[]>
      id={id}
      mode="multiple"
      aria-label="佐证档案"
      placeholder="输入题名、档号或文号搜索本社区本年度的档案"
      showSearch={{ filterOption: false, onSearch: (q) => void search(q) }}
      onFocus={() => void search('')}
      notFoundContent={searching ? <Spin size="small" /> : '没有找到，请换个词'}
      value={value ?? []}
      onChange={(v) => onChange?.(v)}
      options={[...chosen.filter((c) => !options.some((o) => o.value === c.value)), ...options]}
      optionFilterProp="label"
    />
  );
}
