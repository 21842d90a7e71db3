// The only place that exits: runs the CLI and maps what it throws to an exit code and one line.
import { ExitCode, SvgchatError, isAbortError } from './errors.js';
import { interruptOwner } from './interrupts.js';
import { printable } from './ui/printable.js';

declare const SVGCHAT_VERSION: string | undefined;

const controller = new AbortController();
let interrupts = 0;
process.on('SIGINT', () => {
  // The REPL claims Ctrl-C while it runs: it cancels one generation, not the process.
  const owner = interruptOwner();
  if (owner) return owner();
  interrupts += 1;
  // First Ctrl-C cancels the running work (commands clean up and exit 130); a second one leaves at once.
  if (interrupts > 1) process.exit(ExitCode.interrupted);
  controller.abort(new Error('interrupted'));
});
// A closed pipe on stdout (`svgchat ... | head -c 10`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const debug = process.argv.includes('--debug') || process.env.SVGCHAT_DEBUG === '1';
// Commands see --debug as SVGCHAT_DEBUG (commander never sees the flag, it is global).
if (debug) process.env.SVGCHAT_DEBUG = '1';
// chalk honours FORCE_COLOR but not NO_COLOR (https://no-color.org); translate before chalk loads.
if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';

/** Leaves once stdout has drained, so piped output is never cut short. */
function exit(code: number): void {
  process.exitCode = code;
  process.stdout.write('', () => process.exit(code));
}

function fail(message: string, hint: string | undefined, code: number): void {
  // Messages can carry outside text (a server's error, a file name): shown as text, never as escape sequences.
  if (message) process.stderr.write(`svgchat: error: ${printable(message)}\n${hint ? `hint: ${printable(hint)}\n` : ''}`);
  exit(code);
}

const args = process.argv.slice(2);

try {
  if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
    // The hot path of scripts and version checks: answer before loading the CLI framework.
    // The bundle has the version built in (scripts/build.mjs); plain tsc output reads package.json.
    const version = typeof SVGCHAT_VERSION === 'string' ? SVGCHAT_VERSION : (await import('./paths.js')).packageVersion();
    process.stdout.write(`${version}\n`);
    exit(ExitCode.ok);
  } else {
    await run();
  }
} catch (error) {
  handleError(error);
}

async function run(): Promise<void> {
  const [{ buildProgram }, { processContext }] = await Promise.all([import('./cli.js'), import('./context.js')]);
  const program = buildProgram(processContext(controller.signal));
  await program.parseAsync(process.argv.filter((arg) => arg !== '--debug'));
  exit(typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok);
}

function isCommanderError(error: unknown): error is Error & { code: string; exitCode: number } {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('commander.');
}

function handleError(error: unknown): void {
  if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  if (isCommanderError(error)) {
    // Help and --version end with code 0; every parse error is a usage error.
    if (error.exitCode === 0 || error.code === 'commander.help' || error.code === 'commander.helpDisplayed' || error.code === 'commander.version') exit(ExitCode.ok);
    else fail('', undefined, ExitCode.usage);
  } else if (error instanceof SvgchatError) {
    fail(error.message, error.hint, error.exitCode);
  } else if (isAbortError(error) || controller.signal.aborted) {
    fail('interrupted', undefined, ExitCode.interrupted);
  } else {
    const message = error instanceof Error ? error.message : String(error);
    fail(`internal error: ${message}`, debug ? undefined : 'this is a bug in svgchat; rerun with --debug for the stack trace and report it', ExitCode.runtime);
  }
}
