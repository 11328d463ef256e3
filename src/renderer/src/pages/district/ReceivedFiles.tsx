// The files a package carried with a record: each saved from the district's store on a click.
import { App, Button } from 'antd';
import type { DistrictRecord } from '../../../../shared/district';
import { api } from '../../api';
import { toPayload } from '../../errors';
import { saveServedFile } from '../../files';

export function ReceivedFiles({ files }: { files: DistrictRecord['files'] }): React.JSX.Element {
  const { message } = App.useApp();
  if (files.length === 0) return <span style={{ color: '#595959' }}>—</span>;
  const open = async (f: DistrictRecord['files'][number]): Promise<void> => {
    try {
      await saveServedFile(await api.call('district.file', { sha256: f.sha256, name: f.name }), f.name);
    } catch (e) {
      void message.error(toPayload(e).message);
    }
  };
  return (
    <>
      {files.map((f) => (
        <Button key={f.sha256} type="link" size="small" style={{ padding: 0, display: 'block' }} onClick={() => void open(f)}>
          {f.name}
        </Button>
      ))}
    </>
  );
}
