// `svgchat sanitize <file|->`: the SVG safety core (SPEC §5) as a command. The cleaned SVG goes to stdout or -o;
// what was removed goes to stderr (or into --json). `--profile kaggle` also makes it fit, or says why it cannot.
import path from 'node:path';
import type { Context } from '../context.js';
import { SilentExit, SvgchatError, UsageError } from '../errors.js';
import { applyProfile, PROFILES, type ProfileName, type ProfileResult } from '../svg/profiles.js';
import { createReporter } from '../ui/output.js';
import { writeUserFile } from '../util/writeUserFile.js';
import { readFailure, readSvgInput } from './svgInput.js';

export interface SanitizeCommandOptions {
  output?: string;
  profile?: string;
  json?: boolean;
  quiet?: boolean;
}

export async function sanitizeCommand(ctx: Context, file: string, options: SanitizeCommandOptions): Promise<void> {
  const reporter = createReporter(ctx, { quiet: options.quiet });
  const profile = parseProfile(options.profile);
  let result: ProfileResult;
  try {
    const input = await readInput(ctx, file);
    result = applyProfile(input, profile);
  } catch (error) {
    if (options.json && error instanceof SvgchatError) {
      ctx.stdout.write(`${JSON.stringify({ file, profile, ok: false, error: { code: error.code, message: error.message } })}\n`);
      ctx.stderr.write(`svgchat: error: ${error.message}\n`);
      throw new SilentExit(error.exitCode);
    }
    throw error;
  }
  const { svg, findings, ok, reason } = result;
  if (options.output && options.output !== '-') writeUserFile(path.resolve(ctx.cwd, options.output), svg);
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify({ svg, findings, profile, ok, ...(reason ? { reason } : {}) })}\n`);
  } else {
    if (!options.output || options.output === '-') ctx.stdout.write(svg.endsWith('\n') ? svg : `${svg}\n`);
    for (const finding of findings) reporter.notice(finding.message);
    reporter.notice(findings.length === 0 ? 'nothing to remove: the SVG was already clean' : `${findings.length} thing${findings.length === 1 ? '' : 's'} removed or changed`);
  }
  if (!ok) {
    ctx.stderr.write(`svgchat: error: cannot make it fit the ${profile} profile: ${reason}\nhint: simplify the drawing (fewer elements or points), then try again\n`);
    throw new SilentExit(2);
  }
}

function parseProfile(value: string | undefined): ProfileName {
  const profile = value ?? 'default';
  if (!(PROFILES as readonly string[]).includes(profile)) throw new UsageError(`unknown profile "${profile}"`, `use one of: ${PROFILES.join(', ')}`);
  return profile as ProfileName;
}

/** The input's bytes; a file that cannot be read is a usage error naming it. */
async function readInput(ctx: Context, file: string): Promise<Uint8Array> {
  try {
    return await readSvgInput(ctx, file);
  } catch (error) {
    if (error instanceof SvgchatError) throw error;
    throw new UsageError(`cannot read ${file}: ${readFailure(error)}`, 'give the path of an SVG file, or - for stdin');
  }
}
