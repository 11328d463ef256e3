// The filter row: year, community, 类别, 事项 (by 类别), 保管期限, status and Chinese full-text search.
import { Input, Select, Space, type InputRef } from 'antd';
import { memo, useRef } from 'react';
import { AFFAIRS, RECORD_STATUSES, RETENTIONS } from '../../../../shared/vocabulary';
import { CommunitySelect, YearSelect } from '../../components/Pickers';
import { toOptions as opts } from '../../format';
import { useArchive } from '../../hooks/useArchive';
import { SHORTCUT_KEYS, useShortcut } from '../../hooks/useShortcuts';
import type { RecordFilters } from './filters';

/** Not a status: voided records keep theirs, and are listed only under this choice. */
const VOIDED = '已作废';

export const RecordFilterBar = memo(function RecordFilterBar({ value, onChange }: { value: RecordFilters; onChange: (f: RecordFilters) => void }): React.JSX.Element {
  const { vocabulary } = useArchive();
  const set = (patch: Partial<RecordFilters>): void => onChange({ ...value, ...patch });
  const search = useRef<InputRef>(null);
  useShortcut('search', () => search.current?.focus({ cursor: 'all' }));
  const kinds = vocabulary ? (value.affair ? vocabulary.kinds[value.affair] : AFFAIRS.flatMap((a) => vocabulary.kinds[a])) : [];

  return (
    <Space wrap>
      <YearSelect allowClear value={value.year} onChange={(year) => set({ year })} />
      <CommunitySelect by="id" allowClear value={value.communityId} onChange={(communityId) => set({ communityId, community: undefined })} />
      <Select aria-label="类别" placeholder="类别" allowClear style={{ width: 96 }} value={value.affair} options={opts(AFFAIRS)}
        onChange={(affair) => set({ affair, kind: affair && value.kind && vocabulary?.kinds[affair].includes(value.kind) ? value.kind : undefined })} />
      <Select aria-label="事项" placeholder="事项" allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 190 }} value={value.kind}
        options={opts(kinds)} onChange={(kind) => set({ kind })} />
      <Select aria-label="保管期限" placeholder="保管期限" allowClear style={{ width: 116 }} value={value.retention} options={opts(RETENTIONS)}
        onChange={(retention) => set({ retention })} />
      <Select aria-label="状态" placeholder="状态" allowClear style={{ width: 100 }} value={value.voided ? VOIDED : value.status} options={opts([...RECORD_STATUSES, VOIDED])}
        onChange={(status?: string) => set(status === VOIDED ? { status: undefined, voided: true } : { status: status as RecordFilters['status'], voided: undefined })} />
      <Input.Search
        ref={search}
        aria-label="搜索"
        aria-keyshortcuts={`${SHORTCUT_KEYS.search} Control+F`}
        title={`快捷键：${SHORTCUT_KEYS.search} 或 Ctrl+F`}
        placeholder="搜索题名、责任者、文号、档号"
        allowClear
        style={{ width: 280 }}
        // uncontrolled, re-created when the URL's term changes (a link, the back button)
        key={value.q ?? ''}
        defaultValue={value.q}
        onSearch={(q) => set({ q: q.trim() || undefined })}
      />
    </Space>
  );
});
