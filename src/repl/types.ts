// The REPL's vocabulary: slash commands are data, and what they return is a tagged result the loop acts on.
import type { Session } from '../store/schema.js';
import type { ReplState } from './state.js';

export type CommandResult =
  /** Lines to show; nothing else changes. */
  | { kind: 'message'; text: string }
  /** Continue in another session (undefined: a new one, made at the first prompt, named `name` if given). */
  | { kind: 'switch'; session: Session | undefined; name?: string; text: string }
  /** Draw `prompt` as the next turn; `replacing` (regenerate) draws it again beside that turn. */
  | { kind: 'generate'; prompt: string; seed?: number; replacing?: string }
  | { kind: 'exit' };

export interface SlashCommand {
  name: string;
  aliases: string[];
  /** Usage of the arguments, e.g. "<name>" or "[md|html|json]"; empty when it takes none. */
  args: string;
  help: string;
  /** Words Tab offers for the first argument. */
  complete?: (state: ReplState) => string[];
  run(state: ReplState, args: string): Promise<CommandResult> | CommandResult;
}

export const message = (text: string): CommandResult => ({ kind: 'message', text });
