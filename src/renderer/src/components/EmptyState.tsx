// An empty state that says what to do next.
import { Empty } from 'antd';
import type { ReactNode } from 'react';

export function EmptyState({ title, hint, action }: { title: string; hint?: string; action?: ReactNode }): React.JSX.Element {
  return (
    <Empty
      description={
        <>
          <div>{title}</div>
          {hint && <div style={{ color: '#595959', marginTop: 4 }}>{hint}</div>}
        </>
      }
    >
      {action}
    </Empty>
  );
}
