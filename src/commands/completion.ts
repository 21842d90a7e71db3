// `svgchat completion bash|zsh|fish`: scripts generated from the registered commands, so they never
// drift from the CLI. Session names come at completion time from the hidden `svgchat __complete sessions`.
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';

interface CommandInfo {
  /** "gen" or "sessions show". */
  path: string;
  description: string;
  flags: string[];
  takesSession: boolean;
  subcommands: string[];
}

function describe(command: Command, prefix = ''): CommandInfo[] {
  const out: CommandInfo[] = [];
  for (const sub of command.commands) {
    const name = sub.name();
    if (name.startsWith('__')) continue;
    const full = `${prefix}${name}`;
    out.push({
      path: full,
      description: sub.description().replace(/['"\n]/g, ' '),
      flags: sub.options.flatMap((o) => [o.short, o.long].filter((f): f is string => Boolean(f))),
      takesSession: sub.registeredArguments.some((a) => a.name() === 'session' || a.name() === 'name'),
      subcommands: sub.commands.map((c) => c.name()),
    });
    out.push(...describe(sub, `${full} `));
  }
  return out;
}

function bash(infos: CommandInfo[]): string {
  const top = infos.filter((i) => !i.path.includes(' ')).map((i) => i.path).join(' ');
  const cases = infos
    .map((i) => `    "${i.path}") words_="${[...i.subcommands, ...i.flags].join(' ')}"; session_=${i.takesSession ? 1 : 0} ;;`)
    .join('\n');
  return `# svgchat bash completion: source it, e.g. svgchat completion bash >> ~/.bashrc
_svgchat() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" key="" w words_="" session_=0 i
  if [[ "$prev" == "-s" || "$prev" == "--session" ]]; then
    COMPREPLY=($(compgen -W "$(svgchat __complete sessions 2>/dev/null)" -- "$cur")); return
  fi
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ "$w" == -* ]] && continue
    if [[ -z "$key" ]]; then key="$w"; else key="$key $w"; fi
  done
  if [[ -z "$key" ]]; then COMPREPLY=($(compgen -W "${top} --help --version" -- "$cur")); return; fi
  case "$key" in
${cases}
    *) words_="" ;;
  esac
  if [[ "$cur" != -* && "$session_" == 1 ]]; then words_="$words_ $(svgchat __complete sessions 2>/dev/null)"; fi
  COMPREPLY=($(compgen -W "$words_ --help" -- "$cur"))
}
complete -o default -F _svgchat svgchat
`;
}

function zsh(infos: CommandInfo[]): string {
  const top = infos.filter((i) => !i.path.includes(' ')).map((i) => `'${i.path}:${i.description}'`).join(' ');
  const cases = infos
    .map((i) => `    "${i.path}") opts=(${[...i.subcommands, ...i.flags].join(' ')}); session=${i.takesSession ? 1 : 0} ;;`)
    .join('\n');
  return `#compdef svgchat
# svgchat zsh completion: save as _svgchat somewhere on $fpath, e.g. svgchat completion zsh > "\${fpath[1]}/_svgchat"
_svgchat() {
  local -a opts args; local key="" session=0 w
  if [[ "\${words[CURRENT-1]}" == (-s|--session) ]]; then
    compadd -- \${(f)"$(svgchat __complete sessions 2>/dev/null)"}; return
  fi
  for w in "\${(@)words[2,CURRENT-1]}"; do
    [[ "$w" == -* ]] && continue
    key="\${key:+$key }$w"
  done
  if [[ -z "$key" ]]; then
    args=(${top}); _describe 'command' args; return
  fi
  case "$key" in
${cases}
  esac
  compadd -- $opts --help
  (( session )) && compadd -- \${(f)"$(svgchat __complete sessions 2>/dev/null)"}
  _files
}
if [[ "$funcstack[1]" == "_svgchat" ]]; then _svgchat "$@"; else compdef _svgchat svgchat; fi
`;
}

function fish(infos: CommandInfo[]): string {
  const lines = ['# svgchat fish completion: svgchat completion fish > ~/.config/fish/completions/svgchat.fish', 'complete -c svgchat -f'];
  for (const info of infos) {
    const parts = info.path.split(' ');
    const name = parts[parts.length - 1];
    const condition = parts.length === 1 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${parts[0]}`;
    lines.push(`complete -c svgchat -n '${condition}' -a ${name} -d '${info.description}'`);
    const seen = `__fish_seen_subcommand_from ${name}`;
    for (const flag of info.flags) {
      lines.push(`complete -c svgchat -n '${seen}' ${flag.startsWith('--') ? `-l ${flag.slice(2)}` : `-s ${flag.slice(1)}`}`);
    }
    if (info.takesSession) lines.push(`complete -c svgchat -n '${seen}' -a '(svgchat __complete sessions 2>/dev/null)'`);
  }
  lines.push(`complete -c svgchat -s s -l session -r -a '(svgchat __complete sessions 2>/dev/null)'`);
  return `${lines.join('\n')}\n`;
}

export function completionCommand(ctx: Context, program: Command, shell: string): void {
  const infos = describe(program);
  const scripts: Record<string, (i: CommandInfo[]) => string> = { bash, zsh, fish };
  const make = scripts[shell];
  if (!make) throw new UsageError(`unknown shell "${shell}"`, 'use one of: bash, zsh, fish');
  ctx.stdout.write(make(infos));
}

/** Words for completion scripts; must be fast and never fail loudly. */
export function completeWords(ctx: Context, what: string): void {
  if (what !== 'sessions') return;
  let entries: string[] = [];
  try {
    entries = fs.readdirSync(path.join(ctx.home, 'sessions'));
  } catch {
    return;
  }
  const names = entries.filter((e) => e.endsWith('.json') && !e.startsWith('.')).map((e) => e.slice(0, -5));
  if (names.length > 0) ctx.stdout.write(`${names.join('\n')}\n`);
}
