# bash completion for nl-sh's own flags (bash's own options complete as for bash).
# Install: source this file from ~/.bashrc, or copy it to
# ~/.local/share/bash-completion/completions/nl-sh
_nl_sh() {
  local cur=${COMP_WORDS[COMP_CWORD]}
  local own="--route --risk --explain --suggest --print-command --ask --dry-run --history --config --doctor --version --help"
  local bash_opts="-c -i -l -s -o +o -O +O --login --norc --noprofile --rcfile --init-file --posix --restricted --noediting --verbose"
  case $cur in
    -*|+*) mapfile -t COMPREPLY < <(compgen -W "$own $bash_opts" -- "$cur") ;;
    *) mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
  esac
}
complete -F _nl_sh nl-sh
