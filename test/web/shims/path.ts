// `node:path` for the extension-host suite in the web worker extension host: the one call it
// makes, path.posix.basename of a URI's path.
export const posix = {
  basename: (p: string): string => p.replace(/\/+$/, '').slice(p.replace(/\/+$/, '').lastIndexOf('/') + 1),
};
