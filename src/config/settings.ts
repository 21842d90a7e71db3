// Settings and their precedence: built-in defaults < config file < environment < flags.
// Pure: callers hand in the config file's contents, the environment and the flags.
import { z } from 'zod';

/**
 * Each setting's schema is built the first time a value of it is checked: most runs set nothing (no config
 * file, no variables), and building zod schemas is a noticeable part of a one-shot `gen`.
 */
function lazy<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}

const sizeSchema = lazy(() =>
  z
    .string()
    .regex(/^\d{1,5}x\d{1,5}$/, 'size must look like WIDTHxHEIGHT, e.g. 512x512')
    .refine((value) => value.split('x').every((n) => Number(n) >= 16 && Number(n) <= 8192), 'each side must be 16..8192'),
);

/** A yes/no setting: a boolean in the config file, or true/false (1/0, yes/no, on/off) as text from the environment or `config set`. */
const SWITCH_WORDS: Record<string, boolean> = { true: true, false: false, 1: true, 0: false, yes: true, no: false, on: true, off: false };
const switchSchema = lazy(() => z.preprocess((value) => (typeof value === 'string' ? (SWITCH_WORDS[value.trim().toLowerCase()] ?? value) : value), z.boolean({ message: 'must be true or false' })));

export const settingDefinitions = {
  provider: { schema: lazy(() => z.enum(['offline', 'openai'])), env: 'SVGCHAT_PROVIDER', help: 'offline (default without a key or base URL) or openai' },
  model: { schema: lazy(() => z.string().min(1)), env: 'SVGCHAT_MODEL', help: 'model name for the provider' },
  baseUrl: { schema: lazy(() => z.string().url()), env: 'OPENAI_BASE_URL', help: 'OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1' },
  apiKey: { schema: lazy(() => z.string()), env: 'OPENAI_API_KEY', help: 'API key (never shown in full, never stored in sessions)', secret: true },
  size: { schema: sizeSchema, env: 'SVGCHAT_SIZE', help: 'output size, WIDTHxHEIGHT' },
  profile: { schema: lazy(() => z.enum(['default', 'kaggle'])), env: 'SVGCHAT_PROFILE', help: 'constraint profile for generated SVGs' },
  candidates: { schema: lazy(() => z.coerce.number().int().min(1).max(16)), env: 'SVGCHAT_CANDIDATES', help: 'best-of-N candidates per prompt' },
  timeout: { schema: lazy(() => z.coerce.number().int().min(1000).max(600000)), env: 'SVGCHAT_TIMEOUT_MS', help: 'provider request timeout in ms' },
  stream: { schema: switchSchema, env: 'SVGCHAT_STREAM', help: 'stream the model\'s reply (false: one plain request, for servers that cannot stream; --no-stream)' },
} as const;

export type SettingKey = keyof typeof settingDefinitions;
export const settingKeys = Object.keys(settingDefinitions) as SettingKey[];
export type Source = 'default' | 'config' | 'env' | 'flag';

export interface Settings {
  provider: 'offline' | 'openai';
  model: string;
  baseUrl?: string;
  apiKey?: string;
  size: string;
  profile: 'default' | 'kaggle';
  candidates: number;
  timeout: number;
  /** Ask the openai provider for a streamed reply (the offline provider has nothing to stream). */
  stream: boolean;
}

export const OFFLINE_MODEL = 'composer-1';
export const DEFAULT_OPENAI_MODEL = 'gpt-4o-mini';

export interface ResolvedSettings {
  values: Settings;
  sources: Record<SettingKey, Source>;
}

export type RawSettings = Partial<Record<SettingKey, unknown>>;

export function isSettingKey(key: string): key is SettingKey {
  return Object.hasOwn(settingDefinitions, key);
}

/** Validates one value for a key; returns an error message or the parsed value. */
export function parseSetting(key: SettingKey, value: unknown): { ok: true; value: unknown } | { ok: false; message: string } {
  const result = settingDefinitions[key].schema().safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, message: result.error.issues[0]?.message ?? 'invalid value' };
}

export function envSettings(env: Record<string, string | undefined>): RawSettings {
  const out: RawSettings = {};
  for (const key of settingKeys) {
    const value = env[settingDefinitions[key].env];
    // An empty OPENAI_API_KEY is allowed (local servers); other empty variables count as unset.
    if (value !== undefined && (value !== '' || key === 'apiKey')) out[key] = value;
  }
  return out;
}

export interface SettingsInput {
  file: RawSettings;
  env: RawSettings;
  flags: RawSettings;
}

/**
 * The one function that computes settings. Invalid values are reported with their source,
 * so a bad config file or variable is named instead of silently ignored.
 */
export function resolveSettings(input: SettingsInput): ResolvedSettings | { error: string; key: SettingKey; source: Source } {
  const values: Record<string, unknown> = {};
  const sources = {} as Record<SettingKey, Source>;
  for (const key of settingKeys) {
    sources[key] = 'default';
    for (const [source, layer] of [['config', input.file], ['env', input.env], ['flag', input.flags]] as const) {
      const raw = layer[key];
      // `OPENAI_API_KEY= svgchat ...` unsets a variable, as in most tools: an empty value is no value.
      if (raw === undefined || (source === 'env' && raw === '')) continue;
      const parsed = parseSetting(key, raw);
      if (!parsed.ok) return { error: `${key}: ${parsed.message}`, key, source };
      values[key] = parsed.value;
      sources[key] = source;
    }
  }
  const hasEndpoint = values.apiKey !== undefined || values.baseUrl !== undefined;
  if (values.provider === undefined) values.provider = hasEndpoint ? 'openai' : 'offline';
  if (values.model === undefined) values.model = values.provider === 'offline' ? OFFLINE_MODEL : DEFAULT_OPENAI_MODEL;
  values.size ??= '512x512';
  values.profile ??= 'default';
  values.candidates ??= 1;
  values.timeout ??= 60000;
  values.stream ??= true;
  return { values: values as unknown as Settings, sources };
}

/** commander sets `stream: true` unless --no-stream is given, so only the flag itself (false) may override config and env. */
export function streamFlag(value: boolean | undefined): false | undefined {
  return value === false ? false : undefined;
}

export function parseSize(size: string): { width: number; height: number } {
  const [width, height] = size.split('x').map(Number);
  return { width, height };
}

/** For display: a key is never printed in full. */
export function maskSecret(value: string): string {
  if (value === '') return '(empty)';
  return value.length <= 8 ? '****' : `${value.slice(0, 3)}…${value.slice(-2)}`;
}
