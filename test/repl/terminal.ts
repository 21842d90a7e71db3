// Drives the built svgchat in a real pseudo-terminal: a tmux server of its own (unique socket), keys sent
// with send-keys, the screen read with capture-pane. Waits poll the screen against a deadline.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { binPath, cleanEnv } from '../helpers/cli.js';

const quote = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

export class Terminal {
  /** How far into the screen text earlier waits have matched; later waits look after it. */
  private seen = 0;

  private constructor(private readonly socket: string) {}

  /** Starts `svgchat ...args` in a detached tmux session of `width` x `height`. */
  static start(args: string[], options: { home: string; env?: Record<string, string>; width?: number; height?: number }): Terminal {
    const socket = `svgchat-test-${process.pid}-${randomBytes(4).toString('hex')}`;
    const terminal = new Terminal(socket);
    // The shell around svgchat reports its exit status on screen: under heavy load tmux can be slow to
    // reap a dead pane, while the shell's own wait is prompt.
    const command = `${[process.execPath, binPath, ...args].map(quote).join(' ')}; echo "[svgchat exited with $?]"`;
    // The server (and so the pane) gets exactly this environment; the pane stays on screen after exit.
    terminal.tmux(['new-session', '-d', '-x', String(options.width ?? 120), '-y', String(options.height ?? 40), '-c', options.home, command, ';', 'set-option', '-g', 'remain-on-exit', 'on', ';', 'set-option', '-g', 'history-limit', '20000'], cleanEnv(options.home, { TERM: 'xterm-256color', ...options.env }));
    return terminal;
  }

  private tmux(args: string[], env?: Record<string, string>): string {
    const result = spawnSync('tmux', ['-L', this.socket, '-f', '/dev/null', ...args], { encoding: 'utf8', env: env ?? { PATH: process.env.PATH ?? '/usr/bin:/bin' } });
    if (result.status !== 0) throw new Error(`tmux ${args[0]} failed: ${result.stderr}`);
    return result.stdout;
  }

  /** Text typed as is (no key names). */
  type(text: string): void {
    this.tmux(['send-keys', '-t', '0', '-l', text]);
  }

  /** Keys by tmux name: Enter, Tab, Up, C-c, C-d ... */
  press(...keys: string[]): void {
    this.tmux(['send-keys', '-t', '0', ...keys]);
  }

  /** Types a line and presses Enter. */
  line(text: string): void {
    this.type(text);
    this.press('Enter');
  }

  /** Pastes `text` the way a terminal does (bracketed when the program asked for it). */
  paste(text: string): void {
    this.tmux(['set-buffer', '--', text]);
    this.tmux(['paste-buffer', '-p', '-t', '0']);
  }

  /** Everything the program wrote so far, wrapped lines joined. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', '0']).replace(/[ \t]+$/gm, '');
  }

  /**
   * Waits until `pattern` shows up after what earlier waits matched; returns the text up to it.
   * `since`: look after the last `since` on screen instead (a prompt that redraws itself, like a
   * select list, shortens the screen, so positions matched before it are no longer where they were).
   */
  async waitFor(pattern: RegExp | string, options: { since?: string; timeoutMs?: number } = {}): Promise<string> {
    const deadline = Date.now() + (options.timeoutMs ?? 20_000);
    let screen = '';
    for (;;) {
      screen = this.screen();
      if (options.since !== undefined) this.seen = Math.max(0, screen.lastIndexOf(options.since));
      const rest = screen.slice(this.seen);
      const match = typeof pattern === 'string' ? (rest.includes(pattern) ? { index: rest.indexOf(pattern), 0: pattern } : null) : pattern.exec(rest);
      if (match) {
        const end = this.seen + match.index + match[0].length;
        const text = screen.slice(this.seen, end);
        this.seen = end;
        return text;
      }
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(pattern)}; the screen after the last match:\n${rest}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The pid of svgchat itself (the pane runs a shell around it). */
  programPid(): number {
    const shell = this.tmux(['display-message', '-p', '-t', '0', '#{pane_pid}']).trim();
    const child = spawnSync('pgrep', ['-P', shell], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
    if (!child) throw new Error(`no program runs under the pane's shell (pid ${shell})`);
    return Number(child);
  }

  /** The exit status, once the program has ended (the shell around it prints it). */
  async exitStatus(timeoutMs = 20_000): Promise<number> {
    const text = await this.waitFor(/\[svgchat exited with (\d+)\]/, { timeoutMs });
    return Number(/exited with (\d+)/.exec(text)![1]);
  }

  /** Ends the tmux server and removes its socket file (tmux leaves it behind). */
  kill(): void {
    const socketPath = spawnSync('tmux', ['-L', this.socket, 'display-message', '-p', '#{socket_path}'], { encoding: 'utf8' }).stdout.trim();
    spawnSync('tmux', ['-L', this.socket, 'kill-server'], { stdio: 'ignore' });
    if (socketPath.endsWith(this.socket)) fs.rmSync(socketPath, { force: true });
  }
}
