// A link that saves a file the contract offered (package, backup, error workbook). In browser mode the
// file is fetched with the page's headers: following the plain href would carry no right to read it.
import { App, Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { toPayload } from '../errors';
import { saveServedFile } from '../files';

export function FileLink({ url, children, ...button }: { url: string; children: ReactNode } & ButtonProps): React.JSX.Element {
  const { message } = App.useApp();
  return (
    <Button
      type="link"
      {...button}
      href={url}
      onClick={(e) => {
        e.preventDefault();
        saveServedFile(url).catch((error: unknown) => message.error(toPayload(error).message));
      }}
    >
      {children}
    </Button>
  );
}
