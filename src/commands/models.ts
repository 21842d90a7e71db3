// `svgchat models`: what can draw. `offline` is always there; the configured endpoint's models follow.
import { settingsFor } from '../config/file.js';
import { OFFLINE_MODEL } from '../config/settings.js';
import type { Context } from '../context.js';
import { createReporter } from '../ui/output.js';

export interface ModelsOptions {
  baseUrl?: string;
  json?: boolean;
  quiet?: boolean;
}

export interface ModelEntry {
  id: string;
  provider: 'offline' | 'openai';
}

export async function modelsCommand(ctx: Context, options: ModelsOptions): Promise<void> {
  const reporter = createReporter(ctx, { quiet: options.quiet });
  const { values: settings } = settingsFor(ctx, { baseUrl: options.baseUrl });
  const models: ModelEntry[] = [{ id: 'offline', provider: 'offline' }];
  const configured = settings.baseUrl !== undefined || settings.apiKey !== undefined;
  let endpoint: string | null = null;
  if (configured) {
    const { listEndpointModels } = await import('../providers/models.js');
    const { endpointOf } = await import('../providers/client.js');
    endpoint = endpointOf(settings);
    reporter.status(`asking ${endpoint} for its models`);
    const ids = await listEndpointModels(settings, ctx.signal);
    reporter.clearStatus();
    for (const id of ids) models.push({ id, provider: 'openai' });
  }
  if (options.json) {
    ctx.stdout.write(`${JSON.stringify({ endpoint, current: { provider: settings.provider, model: settings.model }, models })}\n`);
  } else {
    ctx.stdout.write(models.map((model) => `${model.id}\n`).join(''));
  }
  if (!endpoint) {
    reporter.notice(`offline is the built-in composer (${OFFLINE_MODEL}). No OpenAI-compatible endpoint is configured: set OPENAI_API_KEY for OpenAI, or a local server with --base-url or: svgchat config set baseUrl http://127.0.0.1:11434/v1`);
  } else {
    reporter.notice(`${models.length - 1} model${models.length === 2 ? '' : 's'} at ${endpoint}; use one with: svgchat gen -p openai -m MODEL "..."`);
  }
}
