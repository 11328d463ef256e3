// Attachments of one record: list, preview (PDF in a frame, images inline) and adding by choice or drag-and-drop.
import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Upload, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Attachment } from '../../../../shared/domain';
import { api, pageFile, type PageFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PlainList } from '../../components/PlainList';
import { toPayload } from '../../errors';
import { fileToBase64 } from '../../files';
import { formatBytes, formatDate } from '../../format';

export function AttachmentsPanel({
  recordId,
  attachments,
  onAdded,
  canAdd = true,
}: {
  recordId: number;
  attachments: Attachment[];
  onAdded: () => void;
  /** the signed-in role may add attachments */
  canAdd?: boolean;
}): React.JSX.Element {
  const { message } = App.useApp();
  const [preview, setPreview] = useState<{ attachment: Attachment; file: PageFile } | null>(null);
  const [error, setError] = useState<unknown>(null);
  // a blob: URL lives as long as its preview
  useEffect(() => () => preview?.file.revoke(), [preview]);

  const open = async (a: Attachment): Promise<void> => {
    try {
      const file = await pageFile(await api.call('attachments.url', { id: a.id }), a.mediaType);
      setPreview({ attachment: a, file });
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {attachments.length > 0 && (
        <PlainList
          items={attachments}
          render={(a) => (
            <>
              <div style={{ flex: 1 }}>
                <div>{a.originalName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {a.mediaType} · {formatBytes(a.size)} · {formatDate(a.createdAt)}
                </Typography.Text>
              </div>
              <Button type="link" size="small" onClick={() => open(a)}>
                查看
              </Button>
            </>
          )}
        />
      )}
      {preview && <Preview attachment={preview.attachment} url={preview.file.url} />}
      {canAdd && (
      <Upload.Dragger
        multiple
        showUploadList={false}
        height={170}
        style={{ marginTop: 12 }}
        customRequest={async ({ file, onSuccess, onError }) => {
          const f = file as File;
          try {
            await api.call('attachments.add', { recordId, name: f.name, dataBase64: await fileToBase64(f) });
            message.success(`已添加附件：${f.name}`);
            onSuccess?.(null);
            onAdded();
          } catch (e) {
            message.error(`${f.name}：${toPayload(e).message}`);
            onError?.(e as Error);
          }
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">点击选择文件，或把扫描件、照片拖到这里</p>
        <p className="ant-upload-hint">支持 PDF、OFD、图片等；文件按内容保存，不会被覆盖。</p>
      </Upload.Dragger>
      )}
    </>
  );
}

function Preview({ attachment, url }: { attachment: Attachment; url: string }): React.JSX.Element {
  const type = attachment.mediaType;
  return (
    <div style={{ marginTop: 12 }} data-testid="attachment-preview">
      <Typography.Text type="secondary">
        预览：{attachment.originalName}（<a href={url} target="_blank" rel="noreferrer" download={attachment.originalName}>下载</a>）
      </Typography.Text>
      {type.startsWith('image/') ? (
        <img src={url} alt={attachment.originalName} style={{ display: 'block', maxWidth: '100%', maxHeight: 480, marginTop: 8 }} />
      ) : type === 'application/pdf' ? (
        <iframe src={url} title={attachment.originalName} style={{ width: '100%', height: 520, border: '1px solid #eee', marginTop: 8 }} />
      ) : (
        <div style={{ marginTop: 8 }}>这种格式无法在页面中预览，请下载后用相应软件打开。</div>
      )}
    </div>
  );
}
