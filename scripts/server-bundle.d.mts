/** Types of server-bundle.mjs, for the tests that bundle the server from source. */
export function bundleServer(outdir: string, options?: { sourcemap?: boolean }): Promise<unknown>;
