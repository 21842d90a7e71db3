// Who gets a Ctrl-C that arrives as SIGINT. By default main.ts: cancel the command, a second one exits.
// The REPL claims it while it runs, so Ctrl-C cancels one generation and the REPL lives on.
type InterruptHandler = () => void;

let owner: InterruptHandler | undefined;

/** Routes SIGINT to `handler` until the returned function is called. */
export function claimInterrupts(handler: InterruptHandler): () => void {
  owner = handler;
  return () => {
    if (owner === handler) owner = undefined;
  };
}

/** The handler that claimed SIGINT, if any (main.ts asks before cancelling the whole command). */
export function interruptOwner(): InterruptHandler | undefined {
  return owner;
}
