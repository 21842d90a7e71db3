// The OpenAI SDK client, configured so that only what the user configured is sent, and only where
// they configured it: no key from anywhere else, no Authorization header without a key, no redirects.
import type OpenAI from 'openai';
import { UsageError } from '../errors.js';

export const OPENAI_DEFAULT_BASE_URL = 'https://api.openai.com/v1';

export interface EndpointSettings {
  baseUrl?: string;
  apiKey?: string;
  timeout: number;
}

export function endpointOf(settings: EndpointSettings): string {
  return (settings.baseUrl ?? OPENAI_DEFAULT_BASE_URL).replace(/\/+$/, '');
}

/** A key never appears in what svgchat prints, even when a server echoes it back. */
export function redactKey(text: string, apiKey: string | undefined): string {
  return apiKey && apiKey.length >= 4 ? text.split(apiKey).join('****') : text;
}

/**
 * Called as each request is handed to fetch, so a timeout counts from there, not from the work before it
 * (building the client, the prompt). The first fetch of a process also loads Node's HTTP stack, which on a
 * busy machine took seconds: warmFetch() does that before any clock starts.
 */
export interface DispatchHook {
  onDispatch: () => void;
}

let warmed: Promise<void> | undefined;

/** Loads fetch's machinery with a request that never leaves the process (a data: URL). */
function warmFetch(): Promise<void> {
  warmed ??= fetch('data:,').then((response) => response.arrayBuffer()).then(() => {}, () => {});
  return warmed;
}

/** Throws the usage error for an openai provider with neither a key nor a base URL (checked before anything is stored). */
export function requireEndpoint(settings: { provider?: string; baseUrl?: string; apiKey?: string }): void {
  if (settings.provider !== undefined && settings.provider !== 'openai') return;
  if (!settings.baseUrl && !settings.apiKey) {
    throw new UsageError(
      'the openai provider has no endpoint configured',
      'set OPENAI_API_KEY for OpenAI, or --base-url (or OPENAI_BASE_URL) for a local server, e.g. http://127.0.0.1:11434/v1',
      'no_endpoint',
    );
  }
}

export async function createOpenAIClient(settings: EndpointSettings, hook?: DispatchHook): Promise<OpenAI> {
  requireEndpoint(settings);
  const [{ default: OpenAIClient }] = await Promise.all([import('openai'), warmFetch()]);
  const key = settings.apiKey || undefined;
  return new OpenAIClient({
    baseURL: endpointOf(settings),
    // The SDK insists on a key; without one a placeholder satisfies it and the header is removed below.
    apiKey: key ?? 'none',
    defaultHeaders: key ? undefined : { Authorization: null },
    // Everything the SDK would otherwise read from the environment on its own is pinned here.
    organization: null,
    project: null,
    adminAPIKey: null,
    maxRetries: 0,
    timeout: settings.timeout,
    logLevel: 'off',
    // A redirect could carry the key to a host the user never named.
    fetchOptions: { redirect: 'error' },
    fetch: hook
      ? (input, init) => {
          hook.onDispatch();
          return fetch(input, init);
        }
      : undefined,
  });
}
