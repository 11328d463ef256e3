// The only thing the page gets from Electron: the contract's client as window.api (an ApiBridge).
// No ipcRenderer, no Node. Built as CommonJS (sandboxed preloads cannot be ES modules) and imports
// only types and the channel names besides electron.
import { contextBridge, ipcRenderer } from 'electron';
import type { ApiBridge, CallReply } from '../shared/api';
import type { Progress } from '../shared/domain';
import { CALL_CHANNEL, CANCEL_CHANNEL, PROGRESS_CHANNEL } from './channels';

const listeners = new Map<string, (p: Progress) => void>();
ipcRenderer.on(PROGRESS_CHANNEL, (_event, taskId: string, progress: Progress) => listeners.get(taskId)?.(progress));

const api: ApiBridge = {
  mode: 'desktop',
  async call(method, input, taskId, onProgress, session) {
    if (typeof method !== 'string' || typeof taskId !== 'string') throw new TypeError('api.call(method, input, taskId)');
    if (onProgress) listeners.set(taskId, onProgress);
    try {
      return (await ipcRenderer.invoke(CALL_CHANNEL, method, input, taskId, typeof session === 'string' ? session : undefined)) as CallReply;
    } finally {
      listeners.delete(taskId);
    }
  },
  cancel(taskId) {
    if (typeof taskId === 'string') ipcRenderer.send(CANCEL_CHANNEL, taskId);
  },
};

contextBridge.exposeInMainWorld('api', api);
