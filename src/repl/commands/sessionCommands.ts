// Slash commands that move between sessions: /new /sessions /resume /rename /fork /delete.
import { UsageError } from '../../errors.js';
import { validateSessionName } from '../../store/names.js';
import type { Session } from '../../store/schema.js';
import { confirmPrompt, selectPrompt } from '../../ui/prompts.js';
import { count, oneLine, sessionLines } from '../format.js';
import type { ReplState } from '../state.js';
import { message, type CommandResult, type SlashCommand } from '../types.js';

const sessionNames = (state: ReplState) => state.store.list().map((session) => session.name);

/** Where a session stands, for the line shown after switching to it. */
export function sessionStatus(session: Session): string {
  const head = session.turns.find((turn) => turn.id === session.head);
  const turns = count(session.turns.length, 'turn');
  return `${session.name}: ${turns}${head ? `, at ${head.id} "${oneLine(head.prompt, 50)}"` : session.turns.length > 0 ? ', at the start (next prompt begins a new branch)' : ''}`;
}

function freeNewName(state: ReplState, name: string): string {
  validateSessionName(name);
  const taken = state.store.find(name);
  if (taken) throw new UsageError(`a session named "${taken.name}" already exists`, `continue it with /resume ${taken.name}, or pick another name`, 'name_taken');
  return name;
}

async function pickSession(state: ReplState): Promise<Session | undefined> {
  const sessions = state.store.list();
  const others = sessions.filter((session) => session.id !== state.session?.id);
  if (others.length === 0) throw new UsageError('there is no other session to resume', 'start one with /new [name]');
  const choices = others.slice(0, 50).map((session) => ({ name: `${session.name}  (${count(session.turns.length, 'turn')}) ${oneLine(session.title, 50)}`, value: session.id }));
  const id = await selectPrompt(state.streams, 'Resume which session?', choices);
  return id === undefined ? undefined : state.store.get(id);
}

export const sessionCommands: SlashCommand[] = [
  {
    name: 'new',
    aliases: [],
    args: '[name]',
    help: 'start a new session (saved at its first prompt)',
    run(state, args): CommandResult {
      const name = args ? freeNewName(state, args) : undefined;
      // The new session draws the way the current one did.
      const { provider, model, size, profile } = state.settings();
      state.choices = { ...state.choices, provider, model, size, profile };
      return { kind: 'switch', session: undefined, name, text: `new session${name ? ` ${name}` : ''}: it is saved at the first prompt` };
    },
  },
  {
    name: 'sessions',
    aliases: ['ls'],
    args: '',
    help: 'list sessions, most recent first (* is this one)',
    run(state) {
      const sessions = state.store.list();
      if (sessions.length === 0) return message('no sessions yet: type a prompt to start one');
      return message(sessionLines(sessions, state.session?.id).join('\n'));
    },
  },
  {
    name: 'resume',
    aliases: ['switch'],
    args: '<name>',
    help: 'continue another session (no name: pick one)',
    complete: sessionNames,
    async run(state, args): Promise<CommandResult> {
      const session = args ? state.store.get(args) : await pickSession(state);
      if (!session) return message('nothing resumed');
      return { kind: 'switch', session, text: `resumed ${sessionStatus(session)}` };
    },
  },
  {
    name: 'rename',
    aliases: ['mv'],
    args: '<name>',
    help: 'rename this session (its SVG folder moves too)',
    run(state, args): CommandResult {
      if (!args) throw new UsageError('/rename needs a new name', 'e.g. /rename fox-at-night');
      if (!state.session) {
        state.pendingName = freeNewName(state, args);
        return message(`this new session will be saved as ${args}`);
      }
      const before = state.current().name;
      const renamed = state.store.rename(state.session.id, args);
      state.session = renamed;
      return message(`renamed ${before} to ${renamed.name}`);
    },
  },
  {
    name: 'fork',
    aliases: ['branch'],
    args: '[turn]',
    help: 'copy the turns up to here (or turn N) into a new session',
    complete: (state) => state.session?.turns.map((turn) => turn.id) ?? [],
    run(state, args): CommandResult {
      const turn = state.turn(args);
      const forked = state.store.fork(state.current().id, { turn: turn.id });
      return { kind: 'switch', session: forked, text: `forked ${forked.forkedFrom!.sessionName} at ${turn.id} into ${sessionStatus(forked)} (/resume ${forked.forkedFrom!.sessionName} goes back)` };
    },
  },
  {
    name: 'delete',
    aliases: ['rm'],
    args: '[name]',
    help: 'delete this session (or the named one); asks first',
    complete: sessionNames,
    async run(state, args): Promise<CommandResult> {
      const target = args ? state.store.get(args) : state.current();
      const what = `session "${target.name}" (${count(target.turns.length, 'turn')} and their SVG files)`;
      if (!(await confirmPrompt(state.streams, `Delete ${what}?`))) return message('nothing deleted');
      state.store.remove(target.id);
      if (target.id !== state.session?.id) return message(`deleted ${what}`);
      return { kind: 'switch', session: undefined, text: `deleted ${what}; you are in a new session now` };
    },
  },
];
