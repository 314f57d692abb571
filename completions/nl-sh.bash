# bash completion for nl-sh's own flags (bash's own options complete as for bash).
# Install: source this file from ~/.bashrc, or copy it to
# ~/.local/share/bash-completion/completions/nl-sh
_nl_sh() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local own="--route --risk --explain --suggest --print-command --show-context --ask --dry-run --history --model --config --doctor --model-speed --version --help"
  local settings="--capture-bytes --nl-prefix --shell-prefix --privacy --cloud-history --daily-cloud-budget-usd --audit-journal --model-idle-seconds --color"
  # Values of the config flags that have a fixed set (--privacy=cloud-allowed or --privacy cloud-allowed).
  local prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    --privacy) mapfile -t COMPREPLY < <(compgen -W "local-only cloud-allowed" -- "$cur"); return ;;
    --cloud-history) mapfile -t COMPREPLY < <(compgen -W "never when-referenced" -- "$cur"); return ;;
    --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return ;;
    --model) mapfile -t COMPREPLY < <(compgen -W "pull list use rm" -- "$cur"); return ;;
    pull) [[ ${COMP_WORDS[COMP_CWORD-2]} == --model ]] && { mapfile -t COMPREPLY < <(compgen -W "--if-missing" -- "$cur"); return; } ;;
    use) [[ ${COMP_WORDS[COMP_CWORD-2]} == --model ]] && { mapfile -t COMPREPLY < <(compgen -f -X '!*.gguf' -o plusdirs -- "$cur"); return; } ;;
    --audit-journal) mapfile -t COMPREPLY < <(compgen -W "true false" -- "$cur"); return ;;
  esac
  local bash_opts="-c -i -l -s -o +o -O +O --login --norc --noprofile --rcfile --init-file --posix --restricted --noediting --verbose"
  case $cur in
    -*|+*) mapfile -t COMPREPLY < <(compgen -W "$own $settings $bash_opts" -- "$cur") ;;
    *) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
  esac
}
complete -F _nl_sh nl-sh
