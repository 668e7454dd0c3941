// Entry point of dist/server.js; see server.ts for the wiring.
import { startServer } from './server';

startServer();
