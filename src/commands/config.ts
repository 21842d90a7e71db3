// `svgchat config get|set|unset|list|path`.
import { configPath, openConfigStore, settingsFor } from '../config/file.js';
import { isSettingKey, maskSecret, parseSetting, settingDefinitions, settingKeys, type SettingKey } from '../config/settings.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

function requireKey(key: string): SettingKey {
  if (!isSettingKey(key)) throw new UsageError(`unknown setting "${key}"`, `settings are: ${settingKeys.join(', ')}`, 'unknown_setting');
  return key;
}

function display(key: SettingKey, value: unknown): string {
  if (value === undefined) return '';
  return 'secret' in settingDefinitions[key] ? maskSecret(String(value)) : String(value);
}

export async function configCommand(ctx: Context, action: string, args: string[], options: { json?: boolean } = {}): Promise<void> {
  if (action === 'path') {
    ctx.stdout.write(`${configPath(ctx.home)}\n`);
    return;
  }
  if (action === 'list') {
    const { values, sources } = settingsFor(ctx, {});
    const rows = settingKeys.map((key) => ({ key, value: display(key, values[key]), source: sources[key] }));
    if (options.json) {
      ctx.stdout.write(`${JSON.stringify(rows)}\n`);
      return;
    }
    const width = Math.max(...settingKeys.map((k) => k.length));
    for (const row of rows) ctx.stdout.write(`${row.key.padEnd(width)}  ${(row.value || '-').padEnd(24)}  (${row.source})\n`);
    return;
  }
  const key = requireKey(args[0]);
  if (action === 'get') {
    const { values } = settingsFor(ctx, {});
    ctx.stdout.write(`${display(key, values[key])}\n`);
    return;
  }
  const store = await openConfigStore(ctx.home);
  if (action === 'set') {
    const parsed = parseSetting(key, args[1]);
    if (!parsed.ok) throw new UsageError(`invalid value for ${key}: ${parsed.message}`, settingDefinitions[key].help, 'bad_setting');
    store.set(key, parsed.value);
    if (key === 'apiKey') ctx.stderr.write('svgchat: note: the key is stored in plain text in the config file; OPENAI_API_KEY in the environment avoids that\n');
    return;
  }
  if (action === 'unset') {
    store.delete(key);
  }
}
