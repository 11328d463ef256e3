// The street office's own documents an act wrote (鉴定意见书, 销毁清册, 移交登记表): each file saved
// under its own name (browser mode: fetched with the page's headers).
import { FileWordOutlined, FileExcelOutlined } from '@ant-design/icons';
import { App, Button, Space } from 'antd';
import type { OfficeDocument } from '../../../shared/lifecycle';
import { api } from '../api';
import { toPayload } from '../errors';
import { saveServedFile } from '../files';
import { formatBytes } from '../format';
import { PlainList } from './PlainList';

export function OfficeDocuments({ documents, header = '本单位文件' }: { documents: OfficeDocument[]; header?: string }): React.JSX.Element | null {
  const { message } = App.useApp();
  if (documents.length === 0) return null;
  const save = async (fileId: number, name: string): Promise<void> => {
    try {
      await saveServedFile(await api.call('officeDocuments.url', { fileId }), name);
    } catch (e) {
      message.error(toPayload(e).message);
    }
  };
  return (
    <PlainList
      testId="office-documents"
      header={header}
      items={documents}
      render={(d) => (
        <Space orientation="vertical" size={0}>
          <span>
            {d.title}（{d.archivalCode}，{d.date}）
          </span>
          <Space wrap size={0}>
            {d.files.map((f) => (
              <Button key={f.id} type="link" size="small" icon={f.name.endsWith('.xlsx') ? <FileExcelOutlined /> : <FileWordOutlined />} onClick={() => void save(f.id, f.name)}>
                {f.name}（{formatBytes(f.size)}）
              </Button>
            ))}
          </Space>
        </Space>
      )}
    />
  );
}
