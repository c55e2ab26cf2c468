/** See node-flags.mjs. */
export declare const NODE_HOST_FLAGS: readonly string[]
export declare const ELECTRON_HOST_ARGS: readonly string[]
export declare function spawnBrowserHost(cli: string, args: readonly string[]): void
export declare function withOpen(args: readonly string[]): string[]
