// 鉴定: the items due for appraisal as of a day, the batches (decisions, closing, the documents, the
// destruction a 管理员 approves), the holds (冻结) that keep items from destruction and transfer, and
// the office's own documents these acts wrote.
import { Tabs } from 'antd';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { OfficeDocuments } from '../../components/OfficeDocuments';
import { useApi } from '../../hooks/useApi';
import { navigate } from '../../hooks/useHashRoute';
import { BatchDrawer } from './BatchDrawer';
import { BatchesPanel } from './BatchesPanel';
import { DuePanel } from './DuePanel';
import { HoldsPanel } from './HoldsPanel';

const TABS = [
  { key: 'due', label: '到期鉴定' },
  { key: 'batches', label: '鉴定批次与销毁' },
  { key: 'holds', label: '冻结' },
  { key: 'documents', label: '本单位文件' },
];

export function AppraisalPage({ params }: { params: URLSearchParams }): React.JSX.Element {
  const tab = TABS.some((t) => t.key === params.get('tab')) ? params.get('tab')! : 'due';
  const batch = Number(params.get('batch')) || null;
  const show = (next: string, b?: number | null): void => navigate('/appraisal', { tab: next, batch: b ?? undefined });
  const panels: Record<string, React.JSX.Element> = {
    due: <DuePanel onOpened={(b) => show('batches', b)} />,
    batches: <BatchesPanel onOpen={(b) => show('batches', b)} />,
    holds: <HoldsPanel />,
    documents: <DocumentsPanel />,
  };
  return (
    <>
      <Tabs activeKey={tab} onChange={(k) => show(k)} items={TABS.map((t) => ({ ...t, children: panels[t.key] }))} destroyOnHidden />
      <BatchDrawer batch={batch} onClose={() => show(tab)} />
    </>
  );
}

/** 鉴定意见书, 销毁清册 and 移交登记表: the street office's own records, kept permanently. */
function DocumentsPanel(): React.JSX.Element {
  const docs = useApi('officeDocuments.list', {});
  if (docs.error) return <ErrorAlert error={docs.error} />;
  if (docs.data?.length === 0) return <EmptyState title="还没有本单位文件" hint="结束鉴定、批准销毁和移交时生成的鉴定意见书、销毁清册、移交登记表会列在这里。" />;
  return <OfficeDocuments documents={docs.data ?? []} header="本单位档案（全宗 · 文书 · 永久）" />;
}
