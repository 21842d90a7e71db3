// The child process behind `gen --batch` (batchPool.ts): generates and stores the prompts its parent sends, one
// reply per prompt. Several of these run at once so the blocking work of a prompt (fsyncs, scoring, composing)
// overlaps with another's on other cores. The parent owns input, order, progress and Ctrl-C.
import { SessionStore } from '../store/sessionStore.js';
import { printable } from '../ui/printable.js';
import { itemPrompt, type BatchItem } from '../pipeline/batchInput.js';
import { failureLine, runBatchItem, type BatchItemOptions, type BatchItemResult } from './batchItem.js';

export type WorkerRequest = { type: 'start'; home: string; options: BatchItemOptions } | { type: 'item'; item: BatchItem } | { type: 'stop' };
export type WorkerReply = { type: 'ready' } | ({ type: 'result' } & BatchItemResult);

if (process.send) {
  const controller = new AbortController();
  let job: { store: SessionStore; options: BatchItemOptions } | undefined;
  // The parent may have stopped (Ctrl-C) while a prompt was finishing: then the reply has nowhere to go.
  const reply = (message: WorkerReply) => {
    if (process.connected) process.send?.(message, undefined, undefined, () => {});
  };
  process.on('message', (request: WorkerRequest) => {
    if (request.type === 'start') {
      // Store warnings (a session file moved aside as unreadable) reach the user as in gen: stderr is the parent's.
      const onWarning = (message: string) => process.stderr.write(`svgchat: warning: ${printable(message)}\n`);
      job = { store: new SessionStore(request.home, { onWarning }), options: request.options };
      return;
    }
    // Ctrl-C: prompts waiting on a model end now as interrupted; the ones drawing finish. Each still replies,
    // and the parent disconnects once nothing is in flight.
    if (request.type === 'stop') {
      controller.abort(new Error('interrupted'));
      return;
    }
    const { item } = request;
    const run = job ? runBatchItem(job.store, item, job.options, controller.signal) : Promise.resolve(failureLine(item.index, itemPrompt(item), { code: 'internal', message: 'the batch worker was not started' }));
    run.then(
      (result) => reply({ type: 'result', ...result }),
      (error: unknown) => reply({ type: 'result', ...failureLine(item.index, itemPrompt(item), { code: 'internal', message: error instanceof Error ? error.message : String(error) }) }),
    );
  });
  // Ctrl-C in a terminal reaches the whole process group: the parent decides, and disconnects when it stops.
  process.on('SIGINT', () => {});
  // Between prompts' synchronous store writes, never inside one: a write already begun always finishes.
  process.on('disconnect', () => {
    controller.abort(new Error('interrupted'));
    process.exit(0);
  });
  reply({ type: 'ready' });
}
