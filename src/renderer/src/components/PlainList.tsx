// A short bordered list (antd's List is deprecated in v6 and warns on the console; Listy is for long virtual lists).
import type { ReactNode } from 'react';

export function PlainList<T>({ items, render, header, testId }: { items: T[]; render: (item: T) => ReactNode; header?: ReactNode; testId?: string }): React.JSX.Element {
  return (
    <div data-testid={testId} style={{ border: '1px solid #f0f0f0', borderRadius: 4 }}>
      {header && <div style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0', fontWeight: 500 }}>{header}</div>}
      {items.map((item, i) => (
        <div key={i} style={{ padding: '8px 12px', borderTop: i === 0 ? undefined : '1px solid #f0f0f0', display: 'flex', alignItems: 'center', gap: 8 }}>
          {render(item)}
        </div>
      ))}
    </div>
  );
}
