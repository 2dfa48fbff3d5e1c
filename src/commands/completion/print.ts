import type { Command } from 'commander';
import type { Ctx } from '../../core/context.js';

interface Node {
  name: string;
  aliases: string[];
  options: string[];
  children: Node[];
  /** Values completed for the command's argument (the API paths after `ycp api`). */
  args?: string[];
}

/** The command tree as commander knows it, so completion never drifts from the real commands. */
export function commandTree(cmd: Command): Node {
  return {
    name: cmd.name(),
    aliases: cmd.aliases(),
    options: cmd.options.flatMap((o) => [o.long, o.short].filter((x): x is string => Boolean(x))).concat('--help'),
    children: cmd.commands.filter((c) => !(c as unknown as { _hidden?: boolean })._hidden).map(commandTree),
  };
}

/** `shell` is one of ENUMS.shell: the argument is checked against the table before this runs. */
export async function completionPrint(ctx: Ctx, program: Command, o: { shell: string }): Promise<void> {
  const tree = commandTree(program);
  // `ycp api <path>`: the path templates of the contract's operation table (loaded only here; the table
  // alone, not the schemas contract/index.js evaluates).
  const { OPERATIONS } = await import('../../core/api/contract/operations.js');
  const api = tree.children.find((c) => c.name === 'api');
  if (api) api.args = [...new Set(OPERATIONS.map((op) => op.path))].sort();
  // The shell was checked against its enum row when the argument was parsed.
  ctx.io.stdout.write(o.shell === 'zsh' ? zsh(tree) : o.shell === 'fish' ? fish(tree) : bash(tree));
}

/** Every command path ("phone wait") with its sub-words and options. */
function paths(n: Node, prefix: string[] = []): { path: string[]; words: string[] }[] {
  const here = { path: prefix, words: [...n.children.flatMap((c) => [c.name, ...c.aliases]), ...(n.args ?? []), ...n.options] };
  return [here, ...n.children.flatMap((c) => [c.name, ...c.aliases].flatMap((name) => paths(c, [...prefix, name])))];
}

function bash(root: Node): string {
  const cases = paths(root)
    .map(({ path, words }) => `    "${path.join(' ')}") words="${words.join(' ')}" ;;`)
    .join('\n');
  return `# ycp bash completion: eval "$(ycp completion bash)"
_ycp() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" path="" w i
  for ((i = 1; i < COMP_CWORD; i++)); do
    w="\${COMP_WORDS[i]}"
    [[ "$w" == -* ]] && continue
    path="\${path:+$path }$w"
  done
  local words=""
  case "$path" in
${cases}
  esac
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
}
complete -o default -F _ycp ycp
`;
}

function zsh(root: Node): string {
  return `#compdef ycp
# ycp zsh completion: ycp completion zsh > "\${fpath[1]}/_ycp"
${bash(root).replace(/^# .*\n/, '')}
autoload -U +X bashcompinit && bashcompinit
complete -o default -F _ycp ycp
`;
}

function fish(root: Node): string {
  const lines = ['# ycp fish completion: ycp completion fish > ~/.config/fish/completions/ycp.fish', 'complete -c ycp -f'];
  for (const { path, words } of paths(root)) {
    const cond = path.length === 0 ? '__fish_use_subcommand' : `__fish_seen_subcommand_from ${path[path.length - 1]}`;
    for (const w of words) {
      if (w.startsWith('--')) lines.push(`complete -c ycp -n '${cond}' -l ${w.slice(2)}`);
      // fish expands braces in -a: an API path is offered up to its first {param}.
      else if (w.startsWith('/')) lines.push(`complete -c ycp -n '${cond}' -a '${w.replace(/\{.*$/, '')}'`);
      else if (!w.startsWith('-')) lines.push(`complete -c ycp -n '${cond}' -a ${w}`);
    }
  }
  return [...new Set(lines)].join('\n') + '\n';
}
