// Starts the core process (utilityProcess: its own thread and heap) and connects it to a CoreChannel.
import { shell, utilityProcess } from 'electron';
import { CoreChannel } from '../core-host/channel';
import type { FromCore } from '../core-host/protocol';

export function startCoreProcess(entry: string, archiveDir: string, version: string, actor: string): CoreChannel {
  const child = utilityProcess.fork(entry, [archiveDir, version, actor], { serviceName: 'sanwu-core', stdio: 'inherit' });
  const channel = new CoreChannel((m) => child.postMessage(m));
  child.on('message', (m: FromCore) => channel.receive(m));
  child.on('exit', (code) => {
    channel.fail({ code: 'INTERNAL', message: `档案处理进程已退出（代码 ${code}）。请重新启动三务档案；档案库不会因此损坏。`, issues: [] });
  });
  channel.onReveal = (path) => shell.showItemInFolder(path);
  return channel;
}
