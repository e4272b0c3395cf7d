/** tsw's own version; the build replaces __TSW_COMMIT__ with the git commit. */
declare const __TSW_COMMIT__: string | undefined;
declare const __TSW_BUILD_TIME__: string | undefined;

export const TSW_VERSION = '0.1.0';
export const TSW_COMMIT: string = typeof __TSW_COMMIT__ === 'string' ? __TSW_COMMIT__ : 'dev';
/** When the bundle was built, in Go's ANSIC layout as docker prints its own build time. */
export const TSW_BUILD_TIME: string = typeof __TSW_BUILD_TIME__ === 'string' ? __TSW_BUILD_TIME__ : '';
