// IPC channel names, shared by preload and main (src/main/transports/ipc). No imports: the sandboxed preload bundles it.
export const CALL_CHANNEL = 'sanwu:call';
export const CANCEL_CHANNEL = 'sanwu:cancel';
export const PROGRESS_CHANNEL = 'sanwu:progress';
