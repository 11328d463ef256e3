// Shows a SanwuError payload (or any thrown value) in Chinese, with the places it names.
import { Alert } from 'antd';
import { toPayload } from '../errors';

export function ErrorAlert({ error, onClose }: { error: unknown; onClose?: () => void }): React.JSX.Element | null {
  if (!error) return null;
  const payload = toPayload(error);
  return (
    <Alert
      // a feature not in this build or mode is news, not a failure
      type={payload.code === 'UNAVAILABLE' ? 'info' : 'error'}
      showIcon
      closable={onClose ? { onClose } : false}
      title={payload.message}
      description={
        payload.issues.length > 0 ? (
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {payload.issues.slice(0, 20).map((issue, i) => (
              <li key={i}>{describeIssue(issue)}</li>
            ))}
            {payload.issues.length > 20 && <li>另有 {payload.issues.length - 20} 条问题未列出</li>}
          </ul>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}

function describeIssue(issue: { sheet?: string; row?: number; column?: string; record?: number; file?: string; message: string }): string {
  const place = [
    issue.file,
    issue.sheet,
    issue.row !== undefined ? `第 ${issue.row} 行` : undefined,
    issue.column,
    issue.record !== undefined ? `档案 #${issue.record}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return place ? `${place}：${issue.message}` : issue.message;
}
