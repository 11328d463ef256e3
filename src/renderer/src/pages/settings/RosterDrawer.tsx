// A community's roster (法律顾问, 人民调解员, 志愿者队伍 …) with date ranges: add entries, correct them,
// end them on the day they ended.
import { Button, Drawer, Form, Input, Select, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Community, RosterEntry } from '../../../../shared/domain';
import { isoDay, parseDate } from '../../../../shared/fields/dates';
import { ROSTER_LABELS as L } from '../../../../shared/labels';
import { api } from '../../api';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { parsedRule, parsedValue } from '../../forms/fieldRules';
import { formatDate, toOptions } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useArchive } from '../../hooks/useArchive';
import { RosterEntryModal } from './RosterEntryModal';
import { useSave } from './useSave';
import { useCan } from '../../hooks/useAuth';

interface Values {
  kind: string;
  name: string;
  /** typed as the import takes it (2025-03-05, 2025/3/5, 2025年3月5日) */
  startDate?: string;
  note?: string;
}

export function RosterDrawer({ community, onClose }: { community: Community | null; onClose: () => void }): React.JSX.Element {
  const { vocabulary } = useArchive();
  const roster = useApi('roster.list', community ? { communityId: community.id } : null);
  const [form] = Form.useForm<Values>();
  const { busy, error, save } = useSave();
  const [today] = useState(() => isoDay(new Date()));
  const can = useCan();

  const add = async (v: Values): Promise<void> => {
    if (!community) return;
    const ok = await save(
      () => api.call('roster.add', { communityId: community.id, kind: v.kind, name: v.name, startDate: parsedValue(parseDate, v.startDate), note: v.note ?? '' }),
      '已添加',
    );
    if (ok) {
      form.resetFields();
      roster.reload();
    }
  };
  const [editing, setEditing] = useState<{ entry: RosterEntry; ending: boolean } | null>(null);

  return (
    <Drawer open={community !== null} onClose={onClose} size={820} title={community ? `${community.name} · 人员与组织` : ''} destroyOnHidden>
      <ErrorAlert error={error ?? roster.error} />
      {can('roster.add') && (
      <Form<Values> form={form} layout="inline" onFinish={add} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item name="kind" rules={[{ required: true, message: '请选择类型' }]}>
          <Select aria-label="类型" placeholder="类型" style={{ width: 170 }} options={toOptions(vocabulary?.rosterKinds ?? [])} />
        </Form.Item>
        <Form.Item name="name" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
          <Input aria-label="名称" placeholder="姓名或组织名称" style={{ width: 170 }} />
        </Form.Item>
        <Form.Item name="startDate" rules={[parsedRule(parseDate)]}>
          <Input aria-label={L.startDate} placeholder={`${L.startDate}，如 2025-03-05`} style={{ width: 170 }} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note">
          <Input aria-label="备注" placeholder="备注" style={{ width: 120 }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          添加
        </Button>
      </Form>
      )}
      <Table<RosterEntry>
        size="small"
        rowKey="id"
        loading={roster.loading}
        dataSource={roster.data ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState title="还没有人员与组织" hint="用上面的表单逐条添加，或导入“人员与组织”工作表。" /> }}
        columns={[
          { title: '类型', dataIndex: 'kind', width: 150 },
          { title: '名称', dataIndex: 'name' },
          { title: '起始日期', dataIndex: 'startDate', width: 110, render: formatDate },
          {
            title: '终止日期',
            dataIndex: 'endDate',
            width: 110,
            render: (v: string | null) => (v ? (v < today ? <Tag>{v}</Tag> : v) : <Tag color="green">在任</Tag>),
          },
          { title: '备注', dataIndex: 'note', ellipsis: true },
          {
            title: '操作',
            width: 110,
            render: (_: unknown, e) =>
              can('roster.update') && (
                <>
                  <Button size="small" type="link" onClick={() => setEditing({ entry: e, ending: false })}>
                    修改
                  </Button>
                  {!e.endDate && (
                    <Button size="small" type="link" onClick={() => setEditing({ entry: e, ending: true })}>
                      终止
                    </Button>
                  )}
                </>
              ),
          },
        ]}
      />
      <RosterEntryModal
        entry={editing?.entry ?? null}
        ending={editing?.ending ?? false}
        today={today}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          roster.reload();
        }}
      />
    </Drawer>
  );
}
