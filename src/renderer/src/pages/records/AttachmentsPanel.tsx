// Attachments of one record: list, preview (PDF in a frame, images inline), adding by choice or
// drag-and-drop, and removing one added by mistake while the record is unfiled.
import { InboxOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Upload, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ArchiveRecord, Attachment } from '../../../../shared/domain';
import { mediaTypeLabel } from '../../../../shared/labels';
import { api, pageFile, type PageFile } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PlainList } from '../../components/PlainList';
import { fileToBase64 } from '../../files';
import { formatBytes, formatDate } from '../../format';

export function AttachmentsPanel({
  record,
  attachments,
  onChanged,
  canAdd = true,
}: {
  record: ArchiveRecord;
  attachments: Attachment[];
  onChanged: () => void;
  /** the signed-in role may add (and remove) attachments */
  canAdd?: boolean;
}): React.JSX.Element {
  const { message } = App.useApp();
  const recordId = record.id;
  const voided = !!record.voidedAt;
  const removable = canAdd && !voided && record.status === '未归档' && !record.archivalCode;
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

  const remove = async (a: Attachment): Promise<void> => {
    try {
      await api.call('attachments.remove', { id: a.id, reason: '误加的附件' });
      if (preview?.attachment.id === a.id) setPreview(null);
      message.success(`已移除附件：${a.originalName}（移除记录写入修改历史）`);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {attachments.length > 0 && (
        <PlainList
          testId="attachments"
          items={attachments}
          render={(a) => (
            <>
              <div style={{ flex: 1 }}>
                <div>{a.originalName}</div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {mediaTypeLabel(a.mediaType)} · {formatBytes(a.size)} · {formatDate(a.createdAt)}
                </Typography.Text>
              </div>
              <Button type="link" size="small" onClick={() => open(a)}>
                查看
              </Button>
              {removable && (
                <Popconfirm
                  title={`移除附件“${a.originalName}”？`}
                  description="只解除与这件档案的关联并写入修改历史，文件本身仍保存在档案库中。"
                  okText="移除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove(a)}
                >
                  <Button type="link" size="small" danger>
                    移除
                  </Button>
                </Popconfirm>
              )}
            </>
          )}
        />
      )}
      {preview && <Preview attachment={preview.attachment} url={preview.file.url} />}
      {canAdd && !voided && (
        <Upload.Dragger
          multiple
          showUploadList={false}
          height={170}
          style={{ marginTop: 12 }}
          customRequest={async ({ file, onSuccess, onError }) => {
            const f = file as File;
            try {
              await api.call('attachments.add', { recordId, name: f.name, dataBase64: await fileToBase64(f) });
              setError(null);
              message.success(`已添加附件：${f.name}`);
              onSuccess?.(null);
              onChanged();
            } catch (e) {
              setError(e);
              onError?.(e as Error);
            }
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">点击选择文件，或把扫描件、照片拖到这里</p>
          <p className="ant-upload-hint">支持 PDF、OFD、JPG、PNG、TIF、DOCX、XLSX；程序、脚本和无法识别的文件不能添加；文件按内容保存，不会被覆盖。</p>
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
