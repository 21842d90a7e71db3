// Terminal input for the REPL. The line editor is node:readline (line editing, history, tab completion,
// and it is what @inquirer itself runs on), one interface per line read, so an @inquirer confirm or
// select can own the terminal in between. Multi-line input: a trailing backslash continues the line, and
// a bracketed paste (or several lines arriving in one chunk) stays one input.
import readline from 'node:readline';

export type InputStream = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => unknown };
export type OutputStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

export type Completer = (line: string) => [string[], string];

/** What one read ended with: a line (maybe several joined), Ctrl-C, or Ctrl-D on an empty line. */
export type LineResult = { kind: 'line'; text: string } | { kind: 'interrupt'; discarded: boolean } | { kind: 'eof' };

export interface LineEditorOptions {
  input: InputStream;
  output: OutputStream;
  /** Oldest first; the editor keeps its own copy. */
  history: string[];
  historySize: number;
  completer?: Completer;
}

const BRACKETED_PASTE_ON = '\x1b[?2004h';
const BRACKETED_PASTE_OFF = '\x1b[?2004l';

export class LineEditor {
  private readonly history: string[];
  /** Keys typed after the Enter that ended the last read, in the same input chunk: the next read starts with them. */
  private carried = '';

  constructor(private readonly options: LineEditorOptions) {
    this.history = [...options.history];
  }

  /** Remembers an entry for Up/Down (multi-line entries are kept as one line). */
  remember(entry: string): void {
    const flat = entry.replace(/\s*\n\s*/g, ' ').trim();
    if (!flat || this.history[this.history.length - 1] === flat) return;
    this.history.push(flat);
    if (this.history.length > this.options.historySize) this.history.splice(0, this.history.length - this.options.historySize);
  }

  read(prompt: string, continuation: string): Promise<LineResult> {
    const { input, output } = this.options;
    return new Promise((resolve) => {
      const rl = readline.createInterface({
        input, output, terminal: true, completer: this.options.completer, tabSize: 4,
        history: [...this.history].reverse(), historySize: this.options.historySize, removeHistoryDuplicates: true,
      });
      const lines: string[] = [];
      let pasting = false;
      let settled = false;
      let submitting = false;
      const finish = (result: LineResult) => {
        if (settled) return;
        settled = true;
        input.off('keypress', onKey);
        output.write(BRACKETED_PASTE_OFF);
        this.carried = result.kind === 'line' ? rl.line : '';
        rl.close();
        resolve(result);
      };
      const onKey = (_text: string | undefined, key: { name?: string } | undefined) => {
        if (key?.name === 'paste-start') pasting = true;
        else if (key?.name === 'paste-end') pasting = false;
      };
      const continueOn = () => {
        rl.setPrompt(continuation);
        rl.prompt();
      };
      rl.on('line', (line: string) => {
        if (pasting) {
          lines.push(line);
          return continueOn();
        }
        if (line.endsWith('\\') && !submitting) {
          lines.push(line.slice(0, -1).trimEnd());
          return continueOn();
        }
        lines.push(line);
        // Further lines in this same chunk of input were pasted, not typed: they join this input.
        if (submitting) return;
        submitting = true;
        setImmediate(() => finish({ kind: 'line', text: lines.join('\n') }));
      });
      rl.on('SIGINT', () => {
        const discarded = lines.length > 0 || rl.line.length > 0;
        output.write(discarded ? '^C\n' : '\n');
        finish({ kind: 'interrupt', discarded });
      });
      rl.on('close', () => finish({ kind: 'eof' }));
      input.on('keypress', onKey);
      output.write(BRACKETED_PASTE_ON);
      rl.setPrompt(prompt);
      rl.prompt();
      if (this.carried) rl.write(this.carried);
    });
  }
}

export interface PromptStreams {
  input: InputStream;
  output: OutputStream;
}

function isPromptCancel(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError' || error.name === 'CancelPromptError');
}

/** Yes/no on the terminal; Ctrl-C counts as no. */
export async function confirmPrompt(streams: PromptStreams, message: string, preset = false): Promise<boolean> {
  const { confirm } = await import('@inquirer/prompts');
  try {
    return await confirm({ message, default: preset }, { input: streams.input, output: streams.output });
  } catch (error) {
    if (isPromptCancel(error)) return false;
    throw error;
  }
}

/** One of `choices` picked with the arrow keys; undefined when Ctrl-C cancels it. */
export async function selectPrompt<T>(streams: PromptStreams, message: string, choices: { name: string; value: T; description?: string }[], preset?: T): Promise<T | undefined> {
  const { select } = await import('@inquirer/prompts');
  try {
    return await select({ message, choices, default: preset, pageSize: 12 }, { input: streams.input, output: streams.output });
  } catch (error) {
    if (isPromptCancel(error)) return undefined;
    throw error;
  }
}
