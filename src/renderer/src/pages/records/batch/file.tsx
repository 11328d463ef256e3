// 归档所选: the picked unfiled items of one year get their 件号 (the filing dialog, limited to them).
import { SnippetsOutlined } from '@ant-design/icons';
import { FilingModal } from '../deferred-dialogs';
import type { BatchAction } from './actions';
import { selectedIds } from './selected';

export const fileSelection: BatchAction = {
  key: 'file',
  label: '归档所选',
  icon: <SnippetsOutlined />,
  needs: 'filing.run',
  blocked: ({ selection, query }) => {
    if (selection.allMatching) return query.year ? null : '请先在筛选中选定年度：归档按年度进行。';
    const picked = [...selection.picked.values()];
    if (picked.some((r) => r.voidedAt)) return '所选档案中有已作废的，作废的档案不能归档。';
    if (picked.some((r) => r.status !== '未归档')) return '所选档案中有已归档的，请只选未归档的档案。';
    const years = [...new Set(picked.map((r) => r.year))].sort();
    return years.length > 1 ? `所选档案分属 ${years.join('、')} 年，请按年度分别归档。` : null;
  },
  render: ({ scope, onClose, onDone }) => {
    const year = scope.selection.allMatching ? Number(scope.query.year) : [...scope.selection.picked.values()][0]!.year;
    return <FilingModal open selection={{ year, ids: () => selectedIds(scope) }} onClose={onClose} onFiled={onDone} />;
  },
};
