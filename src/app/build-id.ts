/**
 * An identifier of this build of the app's code and built-in data: a hash of their sources,
 * computed by vite.config.ts (`define`). Saved results (`saved-results.ts`) are only reused by the
 * build that computed them — new analysis code may compute something else. Outside a Vite build
 * (tests in Node) it is `dev`.
 */
declare const __CAW_BUILD_ID__: string | undefined;

export const BUILD_ID: string = typeof __CAW_BUILD_ID__ === 'string' ? __CAW_BUILD_ID__ : 'dev';
