// Entry of the core process (Electron utilityProcess.fork): argv = [archive ('' for SANWU_DB, else this
// computer's choice: core/connection.ts), app version, actor].
/// <reference types="electron" />
import type { ToCore } from './protocol';
import { desktopLocation } from '../core/connection';
import { defaultAnchorDir } from '../core/default-location';
import { hostCore } from './host';

// the last three: whether argv starts with the exec path and module path differs between launchers
const [dir = '', version = '0.0.0', actor = 'desktop'] = process.argv.slice(-3);
const parent = process.parentPort;

void hostCore(
  {
    postMessage: (message) => parent.postMessage(message),
    onMessage: (listener) => parent.on('message', (event) => listener(event.data as ToCore)),
  },
  { dir: dir || desktopLocation(process.env), env: process.env, version, actor, anchorDir: defaultAnchorDir(process.env), log: { info: (m) => console.log(m), warn: (m) => console.warn(m) } },
);
