/**
 * The core's view of a cancellation token: structurally the same as LSP's and VS Code's,
 * so either can be passed in without the core knowing about them.
 */
export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export const notCancelled: CancellationToken = Object.freeze({ isCancellationRequested: false });
