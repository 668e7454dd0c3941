// Entry point of dist/server.js, the Node host; see server.ts for the wiring. Files of `file:`
// URIs are read from the disk (node/fileSystem.ts), those of other schemes (a `vscode-vfs:`
// folder opened in desktop VS Code) are asked of the client. With GOAL_DOCS_SERVER_LOG naming a
// file, every request and document notification is appended to it as a line of JSON (when it
// arrived, the document version it found, how long it took, what it gave), which is how an
// editor's request that showed nothing can be traced afterwards.
import { appendFileSync } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { type RequestLogEntry, startServer } from './server';
import { NodeFileSystem } from '../node/fileSystem';
import { CachedFileSystem, fileSystemByScheme } from '../service/fileSystems';
import { LOCAL_DISK, REMOTE_FILE_SYSTEM } from '../service/workspaceIndex';

const logFile = process.env.GOAL_DOCS_SERVER_LOG;
const requestLog = logFile
  ? (entry: RequestLogEntry) => {
      try {
        appendFileSync(logFile, `${JSON.stringify(entry)}\n`);
      } catch {
        // a log that cannot be written must not stop the server
      }
    }
  : undefined;

startServer(createConnection(ProposedFeatures.all), {
  requestLog,
  fileSystem: (client) => fileSystemByScheme({ file: new NodeFileSystem() }, new CachedFileSystem(client)),
  indexLimits: (folders) => (folders.every((f) => f.startsWith('file:')) ? LOCAL_DISK : REMOTE_FILE_SYSTEM),
  // The next turn of the event loop, after the I/O that waits (a timer would wait a millisecond).
  yieldToEventLoop: () => new Promise((resolve) => setImmediate(resolve)),
  onUncaughtFailure: (report) => {
    process.on('unhandledRejection', (e) => report('unhandled rejection', e));
    process.on('uncaughtException', (e) => report('uncaught exception', e));
  },
});
