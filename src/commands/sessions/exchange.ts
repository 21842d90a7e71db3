// `sessions export` and `sessions import`.
// export: md (prompts, SVGs as image links, scores), html (self-contained), json (SVGs embedded).
// import: a JSON export comes back identical; a Markdown export comes back as its prompts, replayed as
// new turns (same tree, same seeds) with the configured provider; offline, that redraws the same SVGs.
import fs from 'node:fs';
import path from 'node:path';
import { settingsFor } from '../../config/file.js';
import type { Context } from '../../context.js';
import { UsageError } from '../../errors.js';
import { generateTurn } from '../../pipeline/generateTurn.js';
import { parseMarkdownExport } from '../../store/exchange.js';
import { exportJson, exportMarkdown, type ExportFormat } from '../../store/exportSession.js';
import { importJsonExport, type ImportResult } from '../../store/importSession.js';
import { autoName, validateSessionName } from '../../store/names.js';
import type { SessionStore } from '../../store/sessionStore.js';
import { createReporter, type Reporter } from '../../ui/output.js';
import { sessionGallery } from '../view.js';
import { openStore, turnCount } from '../sessions.js';
import { writeUserFile } from '../../util/writeUserFile.js';
import { printable } from '../../ui/printable.js';

const FORMATS: ExportFormat[] = ['md', 'html', 'json'];

const EXTENSIONS: Record<string, ExportFormat> = { md: 'md', markdown: 'md', html: 'html', htm: 'html', json: 'json' };

function formatFor(format: string | undefined, output: string | undefined): ExportFormat {
  const extension = output && output !== '-' ? path.extname(output).slice(1).toLowerCase() : '';
  const wanted = format ?? (extension ? (EXTENSIONS[extension] ?? extension) : 'md');
  if (!FORMATS.includes(wanted as ExportFormat)) {
    throw new UsageError(`unknown export format "${wanted}"`, 'use --format md, html or json', 'bad_format');
  }
  return wanted as ExportFormat;
}

export async function sessionsExport(ctx: Context, ref: string, options: { format?: string; output?: string }): Promise<void> {
  const reporter = createReporter(ctx);
  const store = openStore(ctx, reporter);
  const format = formatFor(options.format, options.output);
  const session = store.get(ref);
  const toStdout = options.output === undefined || options.output === '-';
  const file = toStdout ? '' : path.resolve(ctx.cwd, options.output!);
  if (format === 'md') {
    // Next to a file, the SVGs go in "<name>_files/" and are linked relatively; on stdout they are data URIs.
    const assetFolder = toStdout ? undefined : `${path.basename(file, path.extname(file))}_files`;
    const exported = exportMarkdown(store, session, assetFolder);
    if (toStdout) {
      ctx.stdout.write(exported.text);
      return;
    }
    for (const asset of exported.files) writeUserFile(path.join(path.dirname(file), assetFolder!, asset.name), asset.bytes);
    writeUserFile(file, exported.text);
  } else {
    const text = format === 'html' ? sessionGallery(store, session, (message) => reporter.warn(message)) : exportJson(store, session);
    if (toStdout) {
      ctx.stdout.write(text);
      return;
    }
    writeUserFile(file, text);
  }
  ctx.stdout.write(`${file}\n`);
  reporter.notice(`exported ${session.name} (${turnCount(session.turns.length)}) as ${format}`);
}

async function readInput(ctx: Context, file: string): Promise<string> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  try {
    return fs.readFileSync(path.resolve(ctx.cwd, file), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'read failed'}`, 'give the path of a file made by: svgchat sessions export', 'bad_import');
  }
}

async function replayMarkdown(ctx: Context, store: SessionStore, reporter: Reporter, text: string, name: string | undefined): Promise<ImportResult> {
  const parsed = parseMarkdownExport(text);
  if (parsed.turns.length === 0) throw new UsageError('no turns found in this Markdown', 'import a file made by: svgchat sessions export NAME --format md', 'bad_import');
  if (name !== undefined) validateSessionName(name);
  const { values: settings } = settingsFor(ctx, {});
  const base = name ?? (parsed.name && /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$/.test(parsed.name) ? parsed.name : autoName(parsed.turns[0].prompt, 'imported'));
  const session = store.withDirectoryLock(() => {
    if (name !== undefined && store.nameTaken(name)) throw new UsageError(`a session named "${name}" already exists`, 'pick another --name', 'name_taken');
    return store.create({ name: store.freeName(base), title: parsed.title, settings: { provider: settings.provider, model: settings.model, size: settings.size, profile: settings.profile } });
  });
  const newIds = new Map<string, string>();
  for (const [index, turn] of parsed.turns.entries()) {
    reporter.status(`replaying ${index + 1}/${parsed.turns.length}: ${printable(turn.prompt.replace(/\s+/g, ' ').slice(0, 40))}`);
    store.setHead(session.id, turn.parent === null ? null : (newIds.get(turn.parent) ?? null));
    const outcome = await generateTurn(store, session.id, { prompt: turn.prompt, seed: turn.seed ?? undefined, settings }, ctx.signal);
    newIds.set(turn.id, outcome.turn.id);
  }
  reporter.clearStatus();
  // Replayed turns are new drawings, sanitized as generateTurn stores them: nothing from the file is stored as an SVG.
  return { session: store.get(session.id), renamedFrom: base === session.name ? undefined : base, cleaned: [] };
}

export async function sessionsImport(ctx: Context, file: string, options: { name?: string }): Promise<void> {
  const reporter = createReporter(ctx);
  const store = openStore(ctx, reporter);
  const text = await readInput(ctx, file);
  const isJson = text.trimStart().startsWith('{');
  const { session, renamedFrom, cleaned } = isJson ? importJsonExport(store, text, { name: options.name }) : await replayMarkdown(ctx, store, reporter, text, options.name);
  if (renamedFrom) reporter.notice(`a session named ${renamedFrom} exists already, so this one is ${session.name}`);
  // Turns are named so the user knows which pictures are not the ones in the file.
  for (const { turn, removed } of cleaned) reporter.warn(`turn ${turn}: its SVG was sanitized before it was stored (${removed.join('; ')})`);
  ctx.stdout.write(`${session.name}\n`);
  reporter.notice(`imported ${session.name}: ${turnCount(session.turns.length)}${isJson ? '' : ' (prompts replayed)'}`);
}
