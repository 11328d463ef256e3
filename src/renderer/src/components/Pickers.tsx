// Year and community pickers shared by the pages.
import { Form, Select, Space } from 'antd';
import type { ReactNode } from 'react';
import { useArchive } from '../hooks/useArchive';

export const THIS_YEAR = new Date().getFullYear();

/** The year pages open on (the archive's latest year with records); undefined until known. */
export function useWorkingYear(): number | undefined {
  return useArchive().info?.workingYear;
}

export function yearOptions(from = THIS_YEAR - 10, to = THIS_YEAR): { value: number; label: string }[] {
  const out = [];
  for (let y = to; y >= from; y--) out.push({ value: y, label: `${y} 年` });
  return out;
}

export function YearSelect(props: { value: number | undefined; onChange: (y: number | undefined) => void; allowClear?: boolean; id?: string }): React.JSX.Element {
  return (
    <Select
      id={props.id}
      aria-label="年度"
      placeholder="年度"
      style={{ width: 110 }}
      value={props.value}
      allowClear={props.allowClear}
      onChange={(v) => props.onChange(v ?? undefined)}
      options={yearOptions()}
    />
  );
}

/** Communities by id (records) or by name (audit, report, filing use names). */
export function CommunitySelect<K extends 'id' | 'name'>(props: {
  by: K;
  /** value/onChange are optional so that a Form.Item can supply them */
  value?: K extends 'id' ? number : string;
  onChange?: (v: (K extends 'id' ? number : string) | undefined) => void;
  allowClear?: boolean;
  placeholder?: string;
  id?: string;
}): React.JSX.Element {
  const { communities } = useArchive();
  return (
    <Select
      id={props.id}
      aria-label="社区"
      showSearch={{ optionFilterProp: 'label' }}
      placeholder={props.placeholder ?? '社区'}
      style={{ width: 160 }}
      value={props.value}
      allowClear={props.allowClear}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      options={communities.map((c) => ({ value: props.by === 'id' ? c.id : c.name, label: c.name }))}
    />
  );
}

export function CommunitiesMultiSelect(props: { value: string[]; onChange: (v: string[]) => void; id?: string }): React.JSX.Element {
  const { communities } = useArchive();
  return (
    <Select
      id={props.id}
      mode="multiple"
      aria-label="社区"
      allowClear
      placeholder="全部社区"
      style={{ minWidth: 280 }}
      value={props.value}
      onChange={props.onChange}
      options={communities.map((c) => ({ value: c.name, label: c.name }))}
    />
  );
}

/** 年度 and 社区 of a year's output (报送包, 移交载体) as form items in one row; the page's own items follow. */
export function YearAndCommunitiesItems(props: {
  year: number | undefined;
  onYear: (y: number | undefined) => void;
  communities: string[];
  onCommunities: (v: string[]) => void;
  children?: ReactNode;
}): React.JSX.Element {
  return (
    <Space wrap align="start">
      <Form.Item label="年度" required>
        <YearSelect value={props.year} onChange={props.onYear} />
      </Form.Item>
      <Form.Item label="社区" extra="不选即全部社区">
        <CommunitiesMultiSelect value={props.communities} onChange={props.onCommunities} />
      </Form.Item>
      {props.children}
    </Space>
  );
}
