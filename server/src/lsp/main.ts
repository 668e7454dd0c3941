// Entry point of dist/server.js; see server.ts for the wiring. The Node host: with
// GOAL_DOCS_SERVER_LOG naming a file, every request and document notification is appended to it
// as a line of JSON (when it arrived, the document version it found, how long it took, what it
// gave), which is how an editor's request that showed nothing can be traced afterwards.
import { appendFileSync } from 'node:fs';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { type RequestLogEntry, startServer } from './server';

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

startServer(createConnection(ProposedFeatures.all), { requestLog });
