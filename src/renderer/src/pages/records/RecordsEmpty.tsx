// What the records list says when it is empty: with filters, how to widen them; in an empty archive,
// the next step (a community first, then records by import or by hand).
import { Button, Space } from 'antd';
import { EmptyState } from '../../components/EmptyState';
import { useArchive } from '../../hooks/useArchive';
import { useCan } from '../../hooks/useAuth';
import { navigate } from '../../hooks/useHashRoute';

export function RecordsEmpty({ filtered, onCreate, onClear }: { filtered: boolean; onCreate?: () => void; onClear: () => void }): React.JSX.Element {
  const { communities } = useArchive();
  const can = useCan();
  if (filtered) {
    return <EmptyState title="没有符合条件的档案" hint="请放宽筛选条件，或清空搜索词再试。" action={<Button onClick={onClear}>清空筛选条件</Button>} />;
  }
  if (communities.length === 0) {
    return (
      <EmptyState
        title="还没有社区，也还没有档案"
        hint="档案按社区（全宗）登记：请先添加社区，或导入社区报送的工作簿（社区概况会一并导入）。"
        action={
          <Space>
            {can('communities.save') && (
              <Button type="primary" onClick={() => navigate('/settings', { tab: 'communities' })}>
                添加社区
              </Button>
            )}
            {can('import.run') && <Button onClick={() => navigate('/import')}>导入工作簿</Button>}
          </Space>
        }
      />
    );
  }
  return (
    <EmptyState
      title="还没有档案"
      hint="可以导入社区报送的工作簿，或逐件登记。"
      action={
        <Space>
          {onCreate && (
            <Button type="primary" onClick={onCreate}>
              新建档案
            </Button>
          )}
          {can('import.run') && <Button onClick={() => navigate('/import')}>导入工作簿</Button>}
        </Space>
      }
    />
  );
}
