// What the import skipped or ignored without refusing anything: title rows, extra columns, hidden
// sheets, scans no row names — each with its place.
import { Alert } from 'antd';
import type { ImportNotice } from '../../../../shared/import';

const placeOf = (n: ImportNotice): string => [n.file, n.sheet].filter(Boolean).join(' ');

export function ImportNotices({ notices }: { notices: ImportNotice[] }): React.JSX.Element {
  return (
    <Alert
      type="info"
      showIcon
      data-testid="import-notices"
      style={{ marginBottom: 12 }}
      title="请留意"
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {notices.map((n, i) => (
            <li key={i}>{placeOf(n) ? `${placeOf(n)}：${n.message}` : n.message}</li>
          ))}
        </ul>
      }
    />
  );
}
