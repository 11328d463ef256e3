// A link that saves a file the contract offered (package, backup, error workbook). In browser mode the
// file is fetched with the page's headers: a plain <a href> would carry no right to read it.
import { App, Button, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { toPayload } from '../errors';
import { saveServedFile } from '../files';

export function FileLink({ url, children, ...button }: { url: string; children: ReactNode } & ButtonProps): React.JSX.Element {
  const { message } = App.useApp();
  return (
    <Button type="link" {...button} onClick={() => saveServedFile(url).catch((e: unknown) => message.error(toPayload(e).message))}>
      {children}
    </Button>
  );
}
