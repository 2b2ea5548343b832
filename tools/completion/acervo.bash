# bash completion for acervo: subcommands, their options (read from `acervo COMMAND --help`,
# so it never falls behind the binary), and file names for everything else.
_acervo() {
  local cur prev words cword
  _init_completion 2>/dev/null || {
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=${COMP_WORDS[COMP_CWORD-1]}
    cword=$COMP_CWORD
    words=("${COMP_WORDS[@]}")
  }
  local commands="plugins extract text ingest reextract failures records export review report eval"
  if (( cword == 1 )); then
    COMPREPLY=($(compgen -W "$commands --help --version --lang" -- "$cur"))
    return
  fi
  local command=${words[1]}
  if [[ $command == review && $cword == 2 ]]; then
    COMPREPLY=($(compgen -W "list show accept set reject undo merge split serve decisions" -- "$cur"))
    return
  fi
  if [[ $cur == -* ]]; then
    local options
    options=$("${words[0]}" "$command" --help 2>/dev/null |
              grep -oE '(^|[ ,])--?[A-Za-z][-A-Za-z0-9]*' | tr -d ' ,' | sort -u)
    COMPREPLY=($(compgen -W "$options" -- "$cur"))
    return
  fi
  COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _acervo acervo
