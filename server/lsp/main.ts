import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { tuneHeapForEditing } from './heap';
import { startServer } from './server';

// V8 collects the garbage of earlier versions sooner than by default (heap.ts says why, and what it costs).
tuneHeapForEditing();

// The transport (--stdio, --node-ipc, --socket=N) is read from the command line by the connection.
startServer(createConnection(ProposedFeatures.all));
