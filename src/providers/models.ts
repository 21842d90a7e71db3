// The models an OpenAI-compatible endpoint offers (GET /models), with the same retries as generation.
import { z } from 'zod';
import { InterruptedError } from '../errors.js';
import { createOpenAIClient, endpointOf, redactKey, type EndpointSettings } from './client.js';
import { classifyFailure, DEFAULT_RETRY_POLICY, failureError, retryDelay, sleep, type RetryPolicy } from './retry.js';

const modelListSchema = z.array(z.object({ id: z.string().min(1) }).loose());

export async function listEndpointModels(settings: EndpointSettings, signal: AbortSignal, policy: RetryPolicy = DEFAULT_RETRY_POLICY): Promise<string[]> {
  const client = await createOpenAIClient(settings);
  for (let attempt = 1; ; attempt++) {
    try {
      const page = await client.models.list({ signal, maxRetries: 0 });
      const models = modelListSchema.safeParse(page.data);
      if (!models.success) throw failureError({ kind: 'malformed', detail: 'GET /models did not return a list of models' }, { attempts: attempt, endpoint: endpointOf(settings), model: '' });
      return [...new Set(models.data.map((model) => model.id))].sort();
    } catch (error) {
      if (signal.aborted) throw new InterruptedError();
      const failure = classifyFailure(error, settings.timeout);
      if (!failure) throw error;
      if ('message' in failure) failure.message = redactKey(failure.message, settings.apiKey);
      const wait = retryDelay(failure, attempt, policy);
      if (wait === undefined) throw failureError(failure, { attempts: attempt, endpoint: endpointOf(settings), model: '' });
      await sleep(wait, signal);
    }
  }
}
