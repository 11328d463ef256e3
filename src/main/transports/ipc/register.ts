// The IPC transport: one invoke channel for every method of the contract, answered only for our own
// page's frame; the page's session travels with each call; progress goes back to the caller's frame,
// cancel by task.
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent } from 'electron';
import { isApiMethod, type CallReply } from '../../../shared/api';
import type { Progress } from '../../../shared/domain';
import { isTrustedSender } from '../../shell/app-url';
import type { CoreChannel } from '../../core-host/channel';
import { CALL_CHANNEL, CANCEL_CHANNEL, PROGRESS_CHANNEL } from '../../../preload/channels';


const refused = (message: string): CallReply => ({ ok: false, error: { code: 'USAGE', message, issues: [] } });

/** Task ids come from the renderer: scope them to the sending page. */
const taskKey = (event: IpcMainEvent | IpcMainInvokeEvent, taskId: string): string => `${event.sender.id}:${taskId}`;

export function registerIpc(core: CoreChannel): void {
  ipcMain.handle(CALL_CHANNEL, async (event, method: unknown, input: unknown, taskId: unknown, session: unknown): Promise<CallReply> => {
    if (!isTrustedSender(event.senderFrame?.url)) return refused('拒绝来自未知页面的请求。');
    if (typeof method !== 'string' || !isApiMethod(method) || typeof taskId !== 'string' || taskId.length > 100) {
      return refused('请求格式不正确。');
    }
    if (session !== undefined && session !== null && (typeof session !== 'string' || session.length > 200)) return refused('请求格式不正确。');
    const frame = event.senderFrame;
    const onProgress = (progress: Progress) => {
      if (frame && !frame.isDestroyed()) frame.send(PROGRESS_CHANNEL, taskId, progress);
    };
    return core.call(method, input, taskKey(event, taskId), onProgress, session ?? undefined);
  });
  ipcMain.on(CANCEL_CHANNEL, (event, taskId: unknown) => {
    if (isTrustedSender(event.senderFrame?.url) && typeof taskId === 'string') core.cancel(taskKey(event, taskId));
  });
}
