// The progress of a long task, with 取消 (cancel leaves nothing written).
import { Button, Modal, Progress as Bar, Typography } from 'antd';
import type { Progress } from '../../../shared/domain';

const PHASES: Record<string, string> = {
  read: '读取工作簿',
  validate: '校验',
  write: '写入档案',
  import: '导入',
  attachments: '保存附件',
  check: '检查',
  fixity: '校验文件完整性',
  report: '生成报表',
  package: '打包',
  zip: '压缩',
  export: '导出',
};

const counts = (p: Progress): string => `${PHASES[p.phase] ?? p.phase}：${p.done} / ${p.total}${p.message ? `（${p.message}）` : ''}`;

/** `describe` words the progress for the page (import counts rows in its message); by default "phase: done / total". */
export function ProgressModal({
  open,
  title,
  progress,
  onCancel,
  describe = counts,
}: {
  open: boolean;
  title: string;
  progress: Progress | null;
  onCancel: () => void;
  describe?: (p: Progress) => string;
}): React.JSX.Element {
  const percent = progress && progress.total > 0 ? Math.min(100, Math.round((progress.done / progress.total) * 100)) : 0;
  return (
    <Modal
      open={open}
      title={title}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button danger onClick={onCancel} data-testid="cancel-task">
          取消
        </Button>
      }
    >
      <Bar percent={percent} status="active" />
      <Typography.Text type="secondary" data-testid="task-progress">
        {progress ? describe(progress) : '正在开始…'}
      </Typography.Text>
    </Modal>
  );
}
