// What a (dry-run) import did or would do, and the error workbooks to download.
import { Alert, Space } from 'antd';
import type { ImportRunResult } from '../../../../shared/api';
import { FileLink } from '../../components/FileLink';

export function ImportSummary({ result }: { result: ImportRunResult }): React.JSX.Element {
  const n = result.imported;
  const counts = `档案 ${n.records} 件、社区 ${n.communities} 个、人员与组织 ${n.roster} 条、附件 ${n.attachments} 个；重复未导入 ${result.duplicates} 行`;
  const verb = result.dryRun ? '校验通过，可以导入' : '导入完成';
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
      {result.ok ? (
        <Alert type="success" showIcon data-testid="import-summary" title={verb} description={result.dryRun ? `将导入${counts}。` : `已导入${counts}。`} />
      ) : (
        <Alert
          type={result.errorWorkbookUrls?.length ? 'warning' : 'error'}
          showIcon
          data-testid="import-summary"
          title={`发现 ${result.errors.length} 处错误${result.dryRun || !result.errorWorkbookUrls?.length ? '，没有写入任何内容' : `；其余正确的行已导入（${counts}）`}`}
          description="请按下表改正工作簿后重新校验。"
        />
      )}
      {result.errorWorkbookUrls?.map((url) => (
        <FileLink key={url} url={url} style={{ padding: 0 }}>
          下载错误工作簿（有误的行及原因）
        </FileLink>
      ))}
    </Space>
  );
}
