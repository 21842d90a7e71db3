// The openai provider: any OpenAI-compatible chat-completions endpoint (OpenAI, Azure, Ollama, LM Studio,
// vLLM, llama.cpp). Streams the reply, retries what another try can fix, and turns the reply into a safe SVG.
import type OpenAI from 'openai';
import { parsePrompt } from '../compose/parse.js';
import { InterruptedError } from '../errors.js';
import { createOpenAIClient, endpointOf, redactKey, type DispatchHook, type EndpointSettings } from './client.js';
import { requestCompletion, type CompletionReply } from './completion.js';
import { buildConversation, type ChatMessage } from './context.js';
import { loadIconLibrary } from './iconData.js';
import { proseAround } from './extract.js';
import { fitsKaggle, retrieveExamples, systemPrompt, type IconExample } from './prompts.js';
import { interpretReply } from './reply.js';
import { UnusableReplyError } from './replyError.js';
import { classifyFailure, DEFAULT_RETRY_POLICY, failureError, retryDelay, sleep, type Failure, type RetryPolicy } from './retry.js';
import type { GenerateRequest, GenerateResult, ProgressEvent, Provider, Usage } from './types.js';

/** What the prompt may cost in tokens, all told: small enough for local models with short contexts. */
export const CONTEXT_BUDGET_TOKENS = 8000;
/** The share of it the few-shot icons may take. */
export const EXAMPLES_BUDGET_TOKENS = 1500;

export interface OpenAIProviderOptions extends EndpointSettings {
  /** Stream the reply (default); a server whose stream cannot be read is asked again without. */
  stream?: boolean;
  retry?: RetryPolicy;
  contextBudgetTokens?: number;
}

function addUsage(total: Usage | null, more: Usage | null): Usage | null {
  if (!more) return total;
  return { promptTokens: (total?.promptTokens ?? 0) + more.promptTokens, completionTokens: (total?.completionTokens ?? 0) + more.completionTokens };
}

function shortly(failure: Failure): string {
  switch (failure.kind) {
    case 'http': return `HTTP ${failure.status}`;
    case 'timeout': return 'no reply in time';
    case 'unreachable': return `cannot connect (${failure.detail})`;
    case 'cut': return 'the connection dropped mid-reply';
    case 'malformed': return 'the reply could not be read';
    case 'reported': return 'the endpoint reported an error';
    case 'redirect': return 'redirected';
  }
}

export class OpenAIProvider implements Provider {
  readonly id = 'openai' as const;
  private readonly options: OpenAIProviderOptions;
  private readonly policy: RetryPolicy;

  constructor(options: OpenAIProviderOptions) {
    this.options = options;
    this.policy = options.retry ?? DEFAULT_RETRY_POLICY;
  }

  async *generate(request: GenerateRequest, signal: AbortSignal): AsyncGenerator<ProgressEvent, GenerateResult> {
    const hook: DispatchHook = { onDispatch: () => {} };
    const client = await createOpenAIClient(this.options, hook);
    const notes: string[] = [];
    const examples = this.examplesFor(request, notes);
    const conversation = buildConversation({
      system: systemPrompt({ width: request.width, height: request.height, profile: request.profile, prompt: request.prompt, examples }),
      history: request.history,
      prompt: request.prompt,
      budgetTokens: this.options.contextBudgetTokens ?? CONTEXT_BUDGET_TOKENS,
    });
    if (conversation.droppedTurns > 0) notes.push(`the ${conversation.droppedTurns} oldest turn(s) were left out of the model's context to fit its budget`);
    let messages = conversation.messages;
    let usage: Usage | null = null;
    // A reply with no usable SVG gets one more chance, with the reason; then it is kept as the turn's error.
    for (let round = 1; ; round++) {
      const reply: CompletionReply = yield* this.complete(client, hook, request, messages, signal, notes);
      usage = addUsage(usage, reply.usage);
      const verdict = interpretReply(reply.content, request.profile, reply.finishReason);
      if (verdict.ok) {
        const said = proseAround(reply.content);
        return { svg: verdict.svg, model: request.model, usage: usage ?? undefined, notes: [...notes, ...verdict.notes], ...(said ? { said } : {}) };
      }
      if (round >= 2) throw new UnusableReplyError(`the model's reply had no usable SVG: ${verdict.reason}`, reply.content, verdict.code, usage);
      yield { type: 'status', message: `${verdict.reason}; asking the model again` };
      messages = [
        ...messages,
        { role: 'assistant', content: reply.content.slice(0, 4000) },
        { role: 'user', content: `That reply could not be used: ${verdict.reason}. Reply with exactly one complete <svg> document for my request, and nothing else.` },
      ];
    }
  }

  /** Few-shot icons from the offline index. They help, but a request goes out without them if retrieval fails. */
  private examplesFor(request: GenerateRequest, notes: string[]): IconExample[] {
    try {
      return retrieveExamples(request.prompt, loadIconLibrary(), parsePrompt, {
        budgetTokens: EXAMPLES_BUDGET_TOKENS,
        allow: request.profile === 'kaggle' ? fitsKaggle : undefined,
      });
    } catch (error) {
      notes.push(`no reference icons for the model: ${error instanceof Error ? error.message : String(error)}`);
      return [];
    }
  }

  /** One reply, with as many tries as the policy allows for failures another try can fix. */
  private async *complete(
    client: OpenAI,
    hook: DispatchHook,
    request: GenerateRequest,
    messages: ChatMessage[],
    signal: AbortSignal,
    notes: string[],
  ): AsyncGenerator<ProgressEvent, CompletionReply> {
    const { timeout, apiKey } = this.options;
    const { model, seed } = request;
    let stream = this.options.stream ?? true;
    for (let attempt = 1; ; attempt++) {
      try {
        return yield* requestCompletion(client, hook, { model, messages, seed, stream, timeoutMs: timeout }, signal);
      } catch (error) {
        if (signal.aborted) throw new InterruptedError();
        const failure = classifyFailure(error, timeout);
        if (!failure) throw error;
        if ('message' in failure) failure.message = redactKey(failure.message, apiKey);
        const wait = retryDelay(failure, attempt, this.policy);
        if (wait === undefined) throw failureError(failure, { attempts: attempt, endpoint: endpointOf(this.options), model });
        // A server whose event stream cannot be read may still answer a plain request.
        if (failure.kind === 'malformed') stream = false;
        // On a terminal the spinner says so now; everywhere, a notice says so once the SVG is there.
        notes.push(`try ${attempt} of ${this.policy.attempts} failed (${shortly(failure)}); tried again`);
        yield { type: 'status', message: `${shortly(failure)}; trying again in ${(wait / 1000).toFixed(1)} s (try ${attempt + 1} of ${this.policy.attempts})` };
        await sleep(wait, signal);
      }
    }
  }
}
