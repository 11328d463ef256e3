// 数据导入: template download, choose workbooks (or a .zip of workbooks and scans), validate (dry run) with
// per-row errors and notices, import with progress counted in rows.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Space, Typography, Upload, type UploadFile } from 'antd';
import { useState } from 'react';
import type { Progress } from '../../../../shared/domain';
import type { ImportError } from '../../../../shared/import';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ProgressModal } from '../../components/ProgressModal';
import { toPayload } from '../../errors';
import { downloadBase64, fileToBase64 } from '../../files';
import { useArchive } from '../../hooks/useArchive';
import { useLongTask } from '../../hooks/useLongTask';
import { ImportErrorTable } from './ImportErrorTable';
import { ImportNotices } from './ImportNotices';
import { ImportSummary } from './ImportSummary';

/** What the import can read; a .zip holds workbooks and the scans their 附件 column names. */
const ACCEPT = '.xlsx,.xlsm,.xls,.ods,.csv,.zip';

/** What one upload may carry (the API takes files as base64, at most 200 MiB of it). */
const MAX_UPLOAD_MB = 150;

/** The import's progress in rows (its messages count them), never in bytes. */
const inRows = (p: Progress): string => p.message ?? `已处理 ${p.done.toLocaleString('en-US')} 行`;

export function ImportPage(): React.JSX.Element {
  const archive = useArchive();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [skipInvalid, setSkipInvalid] = useState(false);
  const [templateError, setTemplateError] = useState<unknown>(null);
  const task = useLongTask('import.run');

  const downloadTemplate = async (): Promise<void> => {
    try {
      const t = await api.call('import.template', {});
      downloadBase64(t.name, t.dataBase64);
    } catch (e) {
      setTemplateError(e);
    }
  };

  const [tooBig, setTooBig] = useState<string | null>(null);

  const run = async (dryRun: boolean): Promise<void> => {
    const mb = files.reduce((n, f) => n + (f.size ?? 0), 0) / 1024 / 1024;
    if (mb > MAX_UPLOAD_MB) {
      setTooBig(`所选文件共 ${Math.ceil(mb)} MB，一次最多上传 ${MAX_UPLOAD_MB} MB。请把扫描件分成几个压缩包，分几次导入。`);
      return;
    }
    setTooBig(null);
    const payload = await Promise.all(files.map(async (f) => ({ name: f.name, dataBase64: await fileToBase64(f.originFileObj as File) })));
    const result = await task.run({ files: payload, dryRun, skipInvalid });
    if (result && !dryRun && result.ok) archive.reload();
  };

  // A refused import may come back as an error whose issues are the rows.
  const refused: ImportError[] = task.error
    ? toPayload(task.error).issues.map((i) => ({ file: i.file, sheet: i.sheet ?? '', row: i.row ?? null, column: i.column ?? null, message: i.message }))
    : [];
  const errors = task.result?.errors ?? refused;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title="1. 下载导入模板">
        <Typography.Paragraph>
          模板有三张工作表：档案登记、社区概况、人员与组织。表头一行，其下一行一件（表头上方可以有标题行，列的顺序不限）；日期可写 2025-03-05、2025/3/5 或
          2025年3月5日。可导入 .xlsx、.xls、.ods 和 CSV 文件。
        </Typography.Paragraph>
        <Typography.Paragraph>
          扫描件：把工作簿和扫描件放在一个文件夹里压缩成 .zip 一起导入，“附件”列填写压缩包内相对于工作簿的路径，如 附件/3月例会记录.pdf。
        </Typography.Paragraph>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
          下载模板
        </Button>
        <ErrorAlert error={templateError} />
      </Card>
      <Card title="2. 选择工作簿，先校验再导入">
        <Upload
          accept={ACCEPT}
          multiple
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setFiles(fileList);
            setTooBig(null);
            task.reset();
          }}
        >
          <Button icon={<UploadOutlined />}>选择工作簿或压缩包</Button>
        </Upload>
        <Space style={{ marginTop: 16 }} wrap>
          <Button onClick={() => run(true)} disabled={files.length === 0 || task.running}>
            校验（不写入）
          </Button>
          <Button type="primary" onClick={() => run(false)} disabled={files.length === 0 || task.running}>
            导入
          </Button>
          <Checkbox checked={skipInvalid} onChange={(e) => setSkipInvalid(e.target.checked)}>
            跳过有误的行，只导入正确的行（有误的行另存为错误工作簿）
          </Checkbox>
        </Space>
      </Card>
      {tooBig && <Alert type="warning" showIcon title={tooBig} data-testid="import-too-big" />}
      {task.cancelled && <Alert type="info" showIcon title="已取消导入，档案没有任何变化。" />}
      {(task.result || !!task.error) && (
        <Card title="结果">
          {task.result ? <ImportSummary result={task.result} /> : refused.length === 0 && <ErrorAlert error={task.error} />}
          {refused.length > 0 && <Alert type="error" showIcon title={toPayload(task.error).message} style={{ marginBottom: 12 }} />}
          {task.result && task.result.notices.length > 0 && <ImportNotices notices={task.result.notices} />}
          {errors.length > 0 && <ImportErrorTable errors={errors} note={`${files.map((f) => f.name).join('、')}，共 ${errors.length} 处错误`} />}
        </Card>
      )}
      <ProgressModal open={task.running} title="正在处理工作簿" progress={task.progress} onCancel={task.cancel} describe={inRows} />
    </Space>
  );
}
