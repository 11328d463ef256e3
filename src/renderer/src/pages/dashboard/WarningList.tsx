// The dashboard's warnings (an empty archive, shortfalls as 考评 words them, unfiled items, check
// problems, appraisal due), each a link. "齐全" is said only of a year that has records.
import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { DashboardWarning } from '../../../../shared/api';
import { PlainList } from '../../components/PlainList';

const KINDS: Record<DashboardWarning['kind'], { label: string; color: string }> = {
  empty: { label: '先做这一步', color: 'blue' },
  'missing-period': { label: '缺项', color: 'red' },
  unfiled: { label: '未归档', color: 'orange' },
  check: { label: '检查问题', color: 'volcano' },
  'appraisal-due': { label: '到期鉴定', color: 'gold' },
  'loan-overdue': { label: '逾期未还', color: 'magenta' },
};

export function WarningList({ warnings }: { warnings: DashboardWarning[] }): React.JSX.Element {
  if (warnings.length === 0) return <div style={{ color: '#52c41a' }}>没有待办事项：本年度档案按考评标准齐全。</div>;
  return (
    <PlainList
      testId="warnings"
      items={warnings}
      render={(w) => (
        <a href={`#${w.link}`}>
          <ExclamationCircleOutlined style={{ color: '#fa8c16', marginRight: 6 }} />
          <Tag color={KINDS[w.kind]?.color}>{KINDS[w.kind]?.label ?? w.kind}</Tag>
          {w.message}
        </a>
      )}
    />
  );
}
