// Above the records list: what is picked (or how to pick), "all N matching", the actions the picked
// rows allow (batch/actions.ts), and 导出/打印 of the picked rows or else of the list.
import { Button, Space, Tooltip, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { formatCount } from '../../format';
import { useCan } from '../../hooks/useAuth';
import { BATCH_ACTIONS, type BatchScope } from './batch/actions';

export function RecordBatchBar({ scope, pageSize, onDone, extra }: { scope: BatchScope; pageSize: number; onDone: () => void; extra: React.ReactNode }): React.JSX.Element {
  const can = useCan();
  // the open action's dialog, made for the selection as it was when it opened
  const [active, setActive] = useState<ReactNode>(null);
  const { selection, total } = scope;
  const count = selection.count(total);
  const actions = BATCH_ACTIONS.filter((a) => can(a.needs));
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap', marginBottom: 8, minHeight: 32 }} data-testid="batch-bar">
      {count === 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          Ctrl+点击或空格选取一件，Shift+点击或 Shift+↑↓ 连选，Ctrl+A 选本页；回车打开。
        </Typography.Text>
      ) : (
        <Space wrap size={4}>
          <Typography.Text strong role="status">
            {selection.allMatching ? `已选全部 ${formatCount(total)} 件符合条件的档案` : `已选 ${formatCount(count)} 件`}
          </Typography.Text>
          {!selection.allMatching && total > count && count >= Math.min(pageSize, total) && (
            <Button type="link" size="small" onClick={selection.selectAllMatching}>
              选择全部 {formatCount(total)} 件符合条件的档案
            </Button>
          )}
          <Button type="link" size="small" onClick={selection.clear}>
            取消选择
          </Button>
          {actions.map((a) => {
            const why = a.blocked(scope);
            return (
              <Tooltip key={a.key} title={why}>
                <Button
                  size="small"
                  icon={a.icon}
                  disabled={!!why}
                  onClick={() =>
                    setActive(
                      a.render({
                        scope,
                        onClose: () => setActive(null),
                        onDone: () => {
                          selection.clear();
                          onDone();
                        },
                      }),
                    )
                  }
                >
                  {a.label}
                </Button>
              </Tooltip>
            );
          })}
        </Space>
      )}
      <span style={{ flex: 1 }} />
      {extra}
      {active}
    </div>
  );
}
