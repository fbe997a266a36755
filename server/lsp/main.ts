import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// The transport (--stdio, --node-ipc, --socket=N) is read from the command line by the connection.
startServer(createConnection(ProposedFeatures.all));
