import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { findCommand, registry, runCommand, usage } from '../../src/repl/commands/index.js';
import type { ReplState } from '../../src/repl/state.js';

// SPEC §1: the slash commands the REPL must have, with their arguments.
const SPEC = '/help /new [name] /sessions /resume <name> /rename <name> /fork [turn] /delete /history /undo /redo /regenerate /reset /open [turn] /view /score [turn] /model [name] /provider [name] /export [md|html|json] /edit /exit';

describe('the slash-command registry', () => {
  it('has every command of SPEC §1', () => {
    const names = SPEC.split(' ').filter((word) => word.startsWith('/')).map((word) => word.slice(1));
    expect(registry.map((command) => command.name)).toEqual(expect.arrayContaining(names));
    expect(names).toHaveLength(20);
  });

  it('takes the arguments SPEC §1 gives them', () => {
    for (const [, name, args] of SPEC.matchAll(/\/(\w+)(?: ([<[][^ ]+[>\]]))?/g)) {
      const command = findCommand(name);
      if (args?.startsWith('<')) expect(command.args, name).toMatch(/^</);
      else if (args) expect(command.args, name).toMatch(/^\[/);
    }
  });

  it('gives every name and alias to one command only, and help to each', () => {
    const words = registry.flatMap((command) => [command.name, ...command.aliases]);
    expect(new Set(words).size).toBe(words.length);
    for (const command of registry) {
      expect(command.help.length, command.name).toBeGreaterThan(10);
      expect(`  ${usage(command).padEnd(30)}  ${command.help}`.length, command.name).toBeLessThanOrEqual(100);
    }
  });

  it('finds commands by alias and suggests the nearest for a typo', () => {
    expect(findCommand('quit').name).toBe('exit');
    expect(findCommand('LS').name).toBe('sessions');
    expect(() => findCommand('hisotry')).toThrow(UsageError);
    for (const [typo, meant] of [['hisotry', 'history'], ['comand', undefined], ['regenrate', 'regenerate'], ['exti', 'exit'], ['rsume', 'resume']] as const) {
      try {
        findCommand(typo);
      } catch (error) {
        expect((error as UsageError).message).toBe(`unknown command /${typo}`);
        expect((error as UsageError).hint).toBe(meant ? `did you mean /${meant}? (/help lists them all)` : '/help lists the commands');
      }
    }
  });

  it('refuses arguments a command does not take, before running it', async () => {
    const state = {} as ReplState;
    await expect(runCommand(state, 'undo', 'twice')).rejects.toThrow('/undo takes no arguments');
    await expect(runCommand(state, 'exit', '')).resolves.toEqual({ kind: 'exit' });
  });

  it('/help lists every command, and explains one', async () => {
    const state = {} as ReplState;
    const all = await runCommand(state, 'help', '');
    for (const command of registry) expect(all.kind === 'message' && all.text).toContain(usage(command));
    const one = await runCommand(state, 'help', '/fork');
    expect(one).toEqual({ kind: 'message', text: expect.stringMatching(/^\/fork \[turn\]\n  copy the turns .*\n  also: \/branch$/) });
  });
});
