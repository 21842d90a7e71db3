// The one limit on a prompt itself, shared by `gen`, batch lines, the REPL and serve. A module of its own
// so that checking a prompt does not load the batch line schema.
export const MAX_PROMPT_BYTES = 32 * 1024;

export function promptProblem(prompt: string): { code: string; message: string } | undefined {
  const bytes = Buffer.byteLength(prompt, 'utf8');
  if (bytes > MAX_PROMPT_BYTES) return { code: 'prompt_too_long', message: `prompt is ${bytes} bytes; the limit is ${MAX_PROMPT_BYTES}` };
  return undefined;
}
