// The config file ($SVGCHAT_HOME/config.json). Reads are a plain JSON read (every command needs
// them, and they must stay cheap); writes go through `conf`, which writes atomically.
import fs from 'node:fs';
import path from 'node:path';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { envSettings, resolveSettings, type RawSettings, type ResolvedSettings } from './settings.js';

export function configPath(home: string): string {
  return path.join(home, 'config.json');
}

export function readConfigFile(home: string): RawSettings {
  const file = configPath(home);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  try {
    const data: unknown = JSON.parse(text);
    if (data && typeof data === 'object' && !Array.isArray(data)) return data as RawSettings;
  } catch {
    // fall through
  }
  throw new UsageError(`config file ${file} is not valid JSON`, `fix it by hand or remove it: rm "${file}"`, 'bad_config');
}

export async function openConfigStore(home: string) {
  const { default: Conf } = await import('conf');
  return new Conf<RawSettings>({ cwd: home, configName: 'config', projectName: 'svgchat' });
}

/** Settings for a command: defaults < config file < environment < flags. */
export function settingsFor(ctx: Context, flags: RawSettings): ResolvedSettings {
  const resolved = resolveSettings({ file: readConfigFile(ctx.home), env: envSettings(ctx.env), flags });
  if ('error' in resolved) {
    const where = { config: `config file ${configPath(ctx.home)}`, env: 'environment', flag: 'flags', default: 'defaults' }[resolved.source];
    throw new UsageError(`invalid setting from ${where}: ${resolved.error}`, 'see: svgchat config list', 'bad_setting');
  }
  return resolved;
}
