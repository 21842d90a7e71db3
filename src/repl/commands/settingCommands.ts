// /model and /provider: who draws the next turns of this session (kept on the session).
import { OFFLINE_MODEL, parseSetting, type Settings } from '../../config/settings.js';
import { UsageError } from '../../errors.js';
import { selectPrompt } from '../../ui/prompts.js';
import type { ReplState } from '../state.js';
import { message, type CommandResult, type SlashCommand } from '../types.js';

const PROVIDERS = ['offline', 'openai'] as const;

const hasEndpoint = (settings: Settings) => settings.baseUrl !== undefined || settings.apiKey !== undefined;

const NO_ENDPOINT_HINT = 'set OPENAI_API_KEY for OpenAI, or OPENAI_BASE_URL for a local server (e.g. http://127.0.0.1:11434/v1), then start svgchat again';

function drawingWith(state: ReplState): string {
  const { provider, model } = state.settings();
  return `now drawing with ${provider}/${model}`;
}

function choose(state: ReplState, provider: Settings['provider'], model: string | undefined): CommandResult {
  if (provider === 'openai' && !hasEndpoint(state.settings())) throw new UsageError('no OpenAI-compatible endpoint is configured', NO_ENDPOINT_HINT);
  state.choices = { ...state.choices, provider, model };
  state.saveSettings();
  return message(drawingWith(state));
}

/** The models to pick from: the composer, and the endpoint's (asked with a time limit). */
async function availableModels(state: ReplState): Promise<{ name: string; value: string }[]> {
  const settings = state.settings();
  const models = [{ name: `${OFFLINE_MODEL} (offline composer)`, value: OFFLINE_MODEL }];
  if (!hasEndpoint(settings)) return models;
  const { listEndpointModels } = await import('../../providers/models.js');
  const ids = await listEndpointModels(settings, AbortSignal.timeout(15_000));
  return [...models, ...ids.map((id) => ({ name: id, value: id }))];
}

export const settingCommands: SlashCommand[] = [
  {
    name: 'model',
    aliases: [],
    args: '[name]',
    help: 'show or change the model (no name: pick from a list)',
    async run(state, args) {
      let model: string | undefined = args;
      if (!model) {
        const current = state.settings().model;
        model = await selectPrompt(state.streams, `Model (now ${current})`, await availableModels(state), current);
        if (model === undefined) return message(`unchanged: ${drawingWith(state)}`);
      }
      const parsed = parseSetting('model', model);
      if (!parsed.ok) throw new UsageError(`invalid model "${model}": ${parsed.message}`, 'e.g. /model gpt-4o-mini');
      // The composer is the offline provider's only model; any other name is an endpoint's.
      if (model === OFFLINE_MODEL || model === 'offline') return choose(state, 'offline', undefined);
      return choose(state, 'openai', model);
    },
  },
  {
    name: 'provider',
    aliases: [],
    args: '[offline|openai]',
    help: 'who draws: offline (built-in composer) or openai',
    complete: () => [...PROVIDERS],
    async run(state, args) {
      let provider: string | undefined = args;
      if (!provider) {
        const current = state.settings().provider;
        const choices = [
          { name: 'offline: the built-in composer, no network', value: 'offline' },
          { name: `openai: ${hasEndpoint(state.settings()) ? 'the configured endpoint' : 'not configured (needs OPENAI_API_KEY or OPENAI_BASE_URL)'}`, value: 'openai' },
        ];
        provider = await selectPrompt(state.streams, `Provider (now ${current})`, choices, current);
        if (provider === undefined) return message(`unchanged: ${drawingWith(state)}`);
      }
      if (!PROVIDERS.includes(provider as (typeof PROVIDERS)[number])) throw new UsageError(`unknown provider "${provider}"`, 'use /provider offline or /provider openai');
      return choose(state, provider as Settings['provider'], undefined);
    },
  },
];
