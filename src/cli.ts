// Every command, registered in one place. Each command's module is imported only when it runs,
// so `--version` and `--help` load nothing heavy.
import { Command, Option } from 'commander';
import type { Context } from './context.js';
import { packageVersion } from './paths.js';

const version = packageVersion();

const EXIT_CODES = `
Exit codes: 0 ok, 1 runtime failure, 2 usage error, 3 score below --min, 130 interrupted.
Environment: SVGCHAT_HOME, OPENAI_API_KEY, OPENAI_BASE_URL, SVGCHAT_PROVIDER, SVGCHAT_MODEL, NO_COLOR.`;

function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}

/** Flags shared by `gen` and `chat`; declared without defaults so the config file and env can fill them. */
function generationOptions(command: Command): Command {
  return command
    .option('-s, --session <name>', 'append to this session (created if missing)')
    .addOption(new Option('-p, --provider <provider>', 'who draws').choices(['offline', 'openai']))
    .option('-m, --model <model>', 'model name')
    .option('--base-url <url>', 'OpenAI-compatible endpoint')
    .option('--seed <n>', 'seed: the same prompt and seed give the same SVG offline')
    .option('-n, --candidates <n>', 'best-of-N: draw N candidates, keep the one the scorer ranks highest (1-16)')
    .option('--size <WxH>', 'output size, e.g. 512x512')
    .addOption(new Option('--profile <profile>', 'constraint profile').choices(['default', 'kaggle']))
    .option('--no-stream', 'ask the model for its whole reply at once, for servers that cannot stream (config: stream)')
    .option('-q, --quiet', 'no notices on stderr');
}

export function buildProgram(ctx: Context): Command {
  const program = new Command('svgchat')
    .description('Chat your way to SVG images. Works offline by default; any OpenAI-compatible model when configured.')
    .version(version, '-V, --version')
    .option('--debug', 'print stack traces of errors')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => ctx.stdout.write(text),
      writeErr: (text) => ctx.stderr.write(text),
      outputError: (text, write) => write(`svgchat: ${text.trim()}\nhint: see svgchat --help, or svgchat <command> --help\n`),
    })
    .addHelpText('after', `${examples('svgchat gen "a red fox in a snowy forest" -o fox.svg', 'svgchat gen "a blue bicycle" --json | jq -r .file')}${EXIT_CODES}`);

  // Variadic, so that a mistyped command with arguments ("svgchat gne a fox") is named as unknown too.
  program.usage('[options] [command]').argument('[command...]').action(async (words: string[]) => {
    const { defaultCommand } = await import('./commands/default.js');
    await defaultCommand(ctx, program, words[0]);
  });

  generationOptions(
    program
      .command('gen')
      .description('generate an SVG from a prompt, in one shot (prompt from args and/or stdin)')
      .argument('[prompt...]', 'what to draw; stdin is read too when it is not a terminal')
      .option('-o, --output <file>', 'write the SVG here ("-" for stdout); default: the session folder, path printed')
      .option('--json', 'print one JSON result (SPEC §7) instead of the path')
      .option('--no-svg', 'leave the SVG text out of --json output')
      .option('--open', 'open the result in the viewer ($SVGCHAT_VIEWER or the system one)')
      .option('--batch <file>', 'one prompt per line (or JSONL with "prompt"), "-" for stdin; JSONL results on stdout')
      .option('--out-dir <dir>', 'with --batch: write each SVG here too')
      .option('--concurrency <n>', 'with --batch: prompts in flight at once (default 2)')
      .option('--score', 'with --batch: score every drawing too (a batch is unscored unless asked: scoring halves its rate)')
      .option('--no-score', 'store the drawing unscored (score null), skipping the render'),
  )
    .addHelpText('after', examples('svgchat gen "a red apple" -o apple.svg', 'svgchat gen "a cat" -o - > cat.svg', 'echo "a lighthouse at night" | svgchat gen --json', 'svgchat gen --batch prompts.txt --out-dir out/ > results.jsonl'))
    .action(async (words: string[], options) => {
      // One drawing will be scored: its render process starts now, while the command loads and draws.
      if (options.batch === undefined && options.score !== false) (await import('./score/render.js')).warmRenderer();
      const { genCommand } = await import('./commands/gen.js');
      await genCommand(ctx, words, options);
    });

  program
    .command('sanitize')
    .description('clean an SVG by allowlist (scripts, handlers, external references removed); list what was removed')
    .argument('<file>', 'SVG file, or - for stdin')
    .option('-o, --output <file>', 'write the cleaned SVG here instead of stdout')
    .addOption(new Option('--profile <profile>', 'also make it fit this profile, or say why it cannot').choices(['default', 'kaggle']))
    .option('--json', 'print {svg, findings, profile, ok} instead of the SVG')
    .option('-q, --quiet', 'no notices on stderr')
    .addHelpText('after', `${examples('svgchat sanitize untrusted.svg -o clean.svg', 'cat model.svg | svgchat sanitize - --profile kaggle > entry.svg', 'svgchat sanitize logo.svg --json | jq .findings')}
Exit 2 when the input is not a usable SVG (DOCTYPE/entities, gzip, over 1 MiB, malformed) or cannot be made to fit --profile.`)
    .action(async (file: string, options) => {
      const { sanitizeCommand } = await import('./commands/sanitize.js');
      await sanitizeCommand(ctx, file, options);
    });

  generationOptions(
    program
      .command('chat')
      .description('chat in the REPL: start or resume the named session (a new one without a name)')
      .argument('[name]', 'session name or id prefix; created at the first prompt if it does not exist')
      .option('-c, --continue', 'resume the most recently used session'),
  )
    .addHelpText('after', `${examples('svgchat chat fox', 'svgchat chat -c', 'svgchat chat -p openai -m gpt-4o-mini')}
Needs a terminal (scripts: svgchat gen). Inside, /help lists the slash commands.`)
    .action(async (name: string | undefined, options) => {
      const { chatCommand } = await import('./commands/chat.js');
      await chatCommand(ctx, name, options);
    });

  program
    .command('score')
    .description('score SVG files: validity, render metrics, colour/object adherence; --judge asks a vision model')
    .argument('<files...>', 'SVG files, or - for stdin')
    .option('--prompt <text>', 'what the SVG should show (default: the prompt svgchat drew it from, if it did)')
    .addOption(new Option('--profile <profile>', 'check validity against this profile').choices(['default', 'kaggle']))
    .option('--judge', 'ask the configured OpenAI-compatible vision model (Kaggle formula: VQA, aesthetics, text)')
    .option('--questions <file>', 'with --judge: multiple-choice questions, Kaggle format (JSON or JSONL: id, question, choices, answer)')
    .option('-m, --model <model>', 'with --judge: the vision model')
    .option('--base-url <url>', 'with --judge: OpenAI-compatible endpoint')
    .option('--json', 'one JSON object per file, one per line (JSONL), in the order given')
    .option('--min <score>', 'exit 3 if any file scores below this (0-1)')
    .option('-q, --quiet', 'no notices on stderr')
    .addHelpText('after', `${examples('svgchat score fox.svg', 'svgchat score out/*.svg --profile kaggle --json', 'svgchat score apple.svg --prompt "a red apple" --min 0.6', 'svgchat score a.svg --judge --questions questions.jsonl')}
Without --judge the score measures craft (something drawn, coverage, colours, contrast, detail) and
whether colours named in the prompt appear; for svgchat's own SVGs also which objects were drawn and
how many. It does not understand meaning: only --judge asks a model what the picture shows.
Exit 2 when a file is unreadable or not SVG (the others are still scored); exit 3 below --min.`)
    .action(async (files: string[], options) => {
      const { scoreCommand } = await import('./commands/score.js');
      await scoreCommand(ctx, files, options);
    });

  const sessions = program
    .command('sessions')
    .description('list, show, rename, remove, fork, export and import sessions')
    .addHelpText('after', examples('svgchat sessions list --search fox', 'svgchat sessions show my-fox', 'svgchat sessions export my-fox --format md -o fox.md'));
  const sessionsModule = () => import('./commands/sessions.js');
  sessions
    .command('list')
    .description('sessions, most recently used first (a table on a terminal, tab-separated lines otherwise)')
    .option('--json', 'as JSON')
    .option('--search <text>', 'only sessions with this text in a prompt, title or name')
    .addHelpText('after', examples('svgchat sessions list --search moon'))
    .action(async (options: { json?: boolean; search?: string }) => (await sessionsModule()).sessionsList(ctx, options));
  sessions
    .command('show')
    .argument('<session>', 'name or id prefix')
    .description('the turns of a session: prompts, files, scores; * marks the head')
    .option('--json', 'as JSON')
    .addHelpText('after', examples('svgchat sessions show my-fox --json | jq .history'))
    .action(async (ref: string, options: { json?: boolean }) => (await sessionsModule()).sessionsShow(ctx, ref, options));
  sessions
    .command('rename')
    .argument('<session>', 'name or id prefix')
    .argument('<new-name>', '1-64 letters, digits, "-", "_", "."')
    .description('rename a session (its SVG folder moves too)')
    .addHelpText('after', examples('svgchat sessions rename red-fox-k3f9 fox'))
    .action(async (ref: string, newName: string) => (await sessionsModule()).sessionsRename(ctx, ref, newName));
  sessions
    .command('rm')
    .argument('<session>', 'name or id prefix')
    .description('remove a session and its SVG files (asks first on a terminal)')
    .option('-y, --yes', 'do not ask (needed in scripts)')
    .addHelpText('after', examples('svgchat sessions rm old-sketch --yes'))
    .action(async (ref: string, options: { yes?: boolean }) => (await sessionsModule()).sessionsRemove(ctx, ref, options));
  sessions
    .command('fork')
    .argument('<session>', 'name or id prefix')
    .description('a new session holding the turns from the start to the head (or --turn N)')
    .option('--turn <n>', 'fork at this turn (t3 or 3) instead of the head')
    .option('--name <name>', 'name of the new session (default: <session>-fork)')
    .addHelpText('after', examples('svgchat sessions fork my-fox --turn 2 --name fox-at-night'))
    .action(async (ref: string, options: { turn?: string; name?: string }) => (await sessionsModule()).sessionsFork(ctx, ref, options));
  sessions
    .command('export')
    .argument('<session>', 'name or id prefix')
    .description('write a session as Markdown, self-contained HTML, or JSON with the SVGs embedded')
    .addOption(new Option('--format <format>', 'default: from the -o extension, else md').choices(['md', 'html', 'json']))
    .option('-o, --output <file>', 'write here (Markdown puts its SVGs in <file>_files/); default: stdout')
    .addHelpText('after', examples('svgchat sessions export my-fox --format json -o my-fox.json'))
    .action(async (ref: string, options: { format?: string; output?: string }) => (await sessionsModule()).sessionsExport(ctx, ref, options));
  sessions
    .command('import')
    .argument('<file>', 'a JSON or Markdown export ("-" for stdin)')
    .description('JSON: the same session back; Markdown: its prompts replayed with the configured provider')
    .option('--name <name>', 'name of the imported session (default: the exported one, or a free variant)')
    .addHelpText('after', examples('svgchat sessions import my-fox.json --name my-fox-copy'))
    .action(async (file: string, options: { name?: string }) => (await sessionsModule()).sessionsImport(ctx, file, options));
  sessions
    .command('path')
    .argument('[session]', 'name or id prefix')
    .description("print the sessions folder, or a session's JSON file")
    .addHelpText('after', examples('ls "$(svgchat sessions path)"'))
    .action(async (ref: string | undefined) => (await sessionsModule()).sessionsPath(ctx, ref));

  const config = program
    .command('config')
    .description('show and change persistent settings (defaults < config file < environment < flags)')
    .addHelpText('after', examples('svgchat config set model gpt-4o-mini', 'svgchat config list', 'svgchat config unset baseUrl'));
  const configAction = (action: string) => async (...args: unknown[]) => {
    const { configCommand } = await import('./commands/config.js');
    await configCommand(ctx, action, args.filter((arg): arg is string => typeof arg === 'string'));
  };
  config.command('get').argument('<key>').description('print one setting').action(configAction('get'));
  config.command('set').argument('<key>').argument('<value>').description('store a setting in the config file').action(configAction('set'));
  config.command('unset').argument('<key>').description('remove a setting from the config file').action(configAction('unset'));
  config.command('list').description('every setting with its value and where it came from').option('--json', 'as JSON').action(async (options: { json?: boolean }) => {
    const { configCommand } = await import('./commands/config.js');
    await configCommand(ctx, 'list', [], options);
  });
  config.command('path').description('print the config file path').action(configAction('path'));

  program
    .command('open')
    .description('open the latest SVG of a session (or turn N) in the viewer')
    .argument('[session]', 'session name or id prefix (default: the most recent session)')
    .option('--turn <n>', 'the Nth turn of the session (1 = first)')
    .addHelpText('after', examples('svgchat open', 'svgchat open pets --turn 2'))
    .action(async (session: string | undefined, options: { turn?: string }) => {
      const { openCommand } = await import('./commands/open.js');
      await openCommand(ctx, session, options);
    });

  program
    .command('view')
    .description('write a self-contained HTML gallery of a session (every turn as a card) and open it')
    .argument('[session]', 'session name or id prefix (default: the most recent session)')
    .option('-o, --output <file>', 'write the page here (default: $SVGCHAT_HOME/views/<session>.html)')
    .option('--no-open', 'only write the page and print its path')
    .option('-q, --quiet', 'no notices on stderr')
    .addHelpText('after', examples('svgchat view', 'svgchat view my-fox -o fox.html --no-open'))
    .action(async (session: string | undefined, options: { output?: string; open?: boolean; quiet?: boolean }) => {
      const { viewCommand } = await import('./commands/view.js');
      await viewCommand(ctx, session, options);
    });

  program
    .command('serve')
    .description('serve the HTTP API (sessions, messages with SSE progress, scoring) and the web chat page')
    .option('--port <port>', 'port to listen on (default 7420; 0 picks a free one)')
    .option('--host <address>', 'address to listen on (default 127.0.0.1; any other needs --token)')
    .option('--token <token>', 'require Authorization: Bearer <token> on every API request (or set SVGCHAT_SERVE_TOKEN)')
    .option('-q, --quiet', 'no notices on stderr')
    .addHelpText('after', `${examples('svgchat serve', 'svgchat serve --port 8080', 'svgchat serve --host 0.0.0.0 --token "$(openssl rand -hex 16)"')}
Prints the page's URL on stdout (with #token=... when a token is set: opening it signs the page in). Ctrl-C stops.`)
    .action(async (options: { port?: string; host?: string; token?: string; quiet?: boolean }) => {
      const { serveCommand } = await import('./commands/serve.js');
      await serveCommand(ctx, options);
    });

  program
    .command('models')
    .description('list the models of the configured endpoint (offline is always there)')
    .option('--base-url <url>', 'OpenAI-compatible endpoint to ask')
    .option('--json', 'as JSON')
    .option('-q, --quiet', 'no notices on stderr')
    .addHelpText('after', examples('svgchat models', 'OPENAI_BASE_URL=http://127.0.0.1:11434/v1 svgchat models --json'))
    .action(async (options: { baseUrl?: string; json?: boolean; quiet?: boolean }) => {
      const { modelsCommand } = await import('./commands/models.js');
      await modelsCommand(ctx, options);
    });

  program
    .command('completion')
    .description('print a shell completion script (bash, zsh or fish)')
    .argument('<shell>', 'bash, zsh or fish')
    .addHelpText('after', examples('svgchat completion bash >> ~/.bashrc', 'svgchat completion zsh > "${fpath[1]}/_svgchat"', 'svgchat completion fish > ~/.config/fish/completions/svgchat.fish'))
    .action(async (shell: string) => {
      const { completionCommand } = await import('./commands/completion.js');
      completionCommand(ctx, program, shell);
    });
  program
    .command('__complete', { hidden: true })
    .argument('<what>')
    .action(async (what: string) => {
      const { completeWords } = await import('./commands/completion.js');
      completeWords(ctx, what);
    });

  return program;
}
