// Slash commands that move along the tree of turns: /history /undo /redo /reset /regenerate.
import { randomInt } from 'node:crypto';
import { UsageError } from '../../errors.js';
import type { Session } from '../../store/schema.js';
import { count, turnLine } from '../format.js';
import type { ReplState } from '../state.js';
import { message, type SlashCommand } from '../types.js';

function where(session: Session): string {
  const head = session.turns.find((turn) => turn.id === session.head);
  return head ? `now at ${turnLine(head)}` : 'now at the start: the next prompt begins a new branch';
}

export const turnCommands: SlashCommand[] = [
  {
    name: 'history',
    aliases: ['log'],
    args: '',
    help: 'the turns from the start to here',
    run(state) {
      const session = state.current();
      const path = state.store.history(session);
      const lines = path.map((turn) => `  ${turnLine(turn)}`);
      if (path.length === 0) lines.push('  (at the start: the next prompt begins a new branch)');
      const elsewhere = session.turns.length - path.length;
      if (elsewhere > 0) lines.push(`  ${elsewhere} more turn${elsewhere === 1 ? '' : 's'} on other branches (svgchat sessions show ${session.name})`);
      return message(`${session.name}, start to current turn:\n${lines.join('\n')}`);
    },
  },
  {
    name: 'undo',
    aliases: [],
    args: '',
    help: 'step back a turn (a new prompt then starts a branch)',
    run(state) {
      return message(`undone: ${where(state.store.undo(state.current().id))}`);
    },
  },
  {
    name: 'redo',
    aliases: [],
    args: '',
    help: 'step forward to the latest turn after this one',
    run(state) {
      return message(`redone: ${where(state.store.redo(state.current().id))}`);
    },
  },
  {
    name: 'reset',
    aliases: ['clear'],
    args: '',
    help: 'start a fresh branch from the beginning (nothing is lost)',
    run(state) {
      const session = state.store.reset(state.current().id);
      return message(`reset: the next prompt starts from scratch (${count(session.turns.length, 'turn')} kept)`);
    },
  },
  {
    name: 'regenerate',
    aliases: ['retry', 'again'],
    args: '',
    help: 'draw the current prompt again with a new seed',
    run(state) {
      const session = state.current();
      if (session.head === null) throw new UsageError('there is no current turn to draw again', 'type a prompt, or /redo');
      const head = state.store.turn(session, session.head);
      return { kind: 'generate', prompt: head.prompt, seed: randomInt(0, 0xffffffff), replacing: head.id };
    },
  },
];
