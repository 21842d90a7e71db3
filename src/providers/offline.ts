// The offline provider: the embedded composer, no network, deterministic for a seed. A follow-up
// in a session edits the scene stored on the turn before it.
import { compose } from '../compose/compose.js';
import { readScene } from '../compose/sceneSchema.js';
import { OFFLINE_MODEL } from '../config/settings.js';
import { loadIconLibrary } from './iconData.js';
import type { GenerateRequest, GenerateResult, ProgressEvent, Provider } from './types.js';

export class OfflineProvider implements Provider {
  readonly id = 'offline' as const;

  async *generate(request: GenerateRequest, signal: AbortSignal): AsyncGenerator<ProgressEvent, GenerateResult> {
    signal.throwIfAborted();
    yield { type: 'status', message: 'composing' };
    const head = request.history.at(-1);
    const composition = compose(request.prompt, {
      library: loadIconLibrary(),
      seed: request.seed,
      width: request.width,
      height: request.height,
      profile: request.profile,
      previous: head?.scene === undefined ? undefined : readScene(head.scene),
    });
    return { svg: composition.svg, model: OFFLINE_MODEL, scene: composition.scene, notes: composition.notes };
  }
}
