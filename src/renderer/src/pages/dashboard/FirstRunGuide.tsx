// An archive with nothing in it yet opens on this guide, not on an empty dashboard: the steps in order —
// name the street office, add its communities (or import the communities' workbook), register or import
// records, then file them — each done step ticked, the next one with its button.
import { Button, Card, Space, Steps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useArchive } from '../../hooks/useArchive';
import { useCan } from '../../hooks/useAuth';
import { navigate } from '../../hooks/useHashRoute';

export interface ArchiveProgress {
  office: boolean;
  communities: boolean;
  records: boolean;
  filed: boolean;
}

export function FirstRunGuide({ progress }: { progress: ArchiveProgress }): React.JSX.Element {
  const { info } = useArchive();
  const can = useCan();
  const steps: { title: string; done: boolean; description: string; actions: ReactNode }[] = [
    {
      title: '填写街道',
      done: progress.office,
      description: progress.office ? `已设置：${info?.office?.name ?? ''}` : '街道名称和代码印在每份报表、目录的抬头上。',
      actions: can('office.save') && (
        <Button type="primary" onClick={() => navigate('/settings', { tab: 'office' })}>
          填写街道名称
        </Button>
      ),
    },
    {
      title: '添加社区',
      done: progress.communities,
      description: '每个社区是一个全宗，社区代码就是档号里的全宗号。可以逐个添加，也可以导入社区报送的工作簿（“社区概况”表）。',
      actions: (
        <Space>
          {can('communities.save') && (
            <Button type="primary" onClick={() => navigate('/settings', { tab: 'communities' })}>
              添加社区
            </Button>
          )}
          {can('import.run') && <Button onClick={() => navigate('/import')}>导入工作簿</Button>}
        </Space>
      ),
    },
    {
      title: '登记档案',
      done: progress.records,
      description: '导入社区报送的“档案登记”表，或逐件登记党务、居务、财务公开的档案。',
      actions: (
        <Space>
          {can('import.run') && (
            <Button type="primary" onClick={() => navigate('/import')}>
              导入工作簿
            </Button>
          )}
          {can('records.create') && <Button onClick={() => navigate('/records')}>逐件登记</Button>}
        </Space>
      ),
    },
    {
      title: '归档',
      done: progress.filed,
      description: '核对无误后归档：按年度、社区给档案编件号和档号。',
      actions: can('filing.run') && (
        <Button type="primary" onClick={() => navigate('/records', { status: '未归档' })}>
          去归档
        </Button>
      ),
    },
  ];
  const current = Math.max(0, steps.findIndex((s) => !s.done));
  return (
    <Card data-testid="first-run-guide" title="开始使用：四步建好档案库">
      <Typography.Paragraph type="secondary">档案库还是空的。按下面的顺序做，每做完一步这里会打勾。</Typography.Paragraph>
      <Steps
        orientation="vertical"
        current={current}
        items={steps.map((s, i) => ({
          title: s.title,
          status: s.done ? 'finish' : i === current ? 'process' : 'wait',
          content: (
            <div style={{ paddingBottom: 12 }}>
              <div style={{ color: '#595959', marginBottom: i === current ? 8 : 0 }}>{s.description}</div>
              {i === current && s.actions}
            </div>
          ),
        }))}
      />
    </Card>
  );
}
