// Picks the provider the settings ask for; each is imported only when used.
import type { Settings } from '../config/settings.js';
import { UsageError } from '../errors.js';
import type { Provider } from './types.js';

export async function createProvider(settings: Settings): Promise<Provider> {
  if (settings.provider === 'offline') {
    const { OfflineProvider } = await import('./offline.js');
    return new OfflineProvider();
  }
  if (settings.provider === 'openai') {
    const { OpenAIProvider } = await import('./openai.js');
    return new OpenAIProvider({ baseUrl: settings.baseUrl, apiKey: settings.apiKey, timeout: settings.timeout, stream: settings.stream });
  }
  throw new UsageError(`provider "${settings.provider}" is not available in this build`, 'use --provider offline');
}
