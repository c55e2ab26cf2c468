/** Electron IPC channel names of the transport itself (not of the contract's calls). No imports: the preload inlines it. */
export const IPC_CALL = 'classdeck:call'
export const IPC_EVENT = 'classdeck:event'
/** The origin every ClassDeck window is loaded from in Electron. */
export const APP_SCHEME = 'app'
export const APP_ORIGIN = 'app://classdeck'
