import type { Connection } from 'vscode-languageserver/node';
import type { ClientSupport } from './client-support';
import type { Documents } from './documents';
import type { Workspace } from './workspace';

/**
 * What the checks (checks.ts) and the packs (packs.ts) use of the session: the session holds them,
 * so naming its own type there would make an import cycle.
 */
export interface SessionParts {
  readonly connection: Connection;
  readonly documents: Documents;
  readonly workspace: Workspace;
  readonly support: ClientSupport;
  readonly isReady: boolean;
  readonly checks: { all(): void };
  safely(run: () => void): void;
  trace(message: string): void;
}
