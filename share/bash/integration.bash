# nl-sh shell integration. bash reaches it one of two ways (src/repl/bash-start.ts says why):
# as its --rcfile (non-login shells that read an rc file: bash has already read its system-wide rc,
# Debian's /etc/bash.bashrc), or through $ENV in POSIX mode (login shells and --norc). It first
# reads the user's own startup files exactly as bash would, then adds:
#   - OSC 133 marks (A prompt start, C output start from PS0, D;status finished, and A;k=s in PS2
#     for a continuation line) and OSC 7 cwd reports, so nl-sh knows where each command's output
#     begins and ends, with what status, and where bash is;
#   - an Enter hook: Enter runs __nlsh_hook (bind -x) and then a second private key whose
#     binding is accept-line, or a no-op when nl-sh asked to leave the line for editing.
# Everything on the per-line path is a builtin: no forks. Names start with __nlsh_.

# --- reached through $ENV: leave POSIX mode first --------------------------------------------
# Until `set +o posix` runs, this must parse in POSIX mode. Starting in it changed a few defaults
# (bash 5.2 posix_initialize and variables.c): put bash's own back, unless the user asked for
# POSIX mode (--posix) or set them in the environment.
if [ -n "${__NLSH_VIA_ENV-}" ]; then
  if [ -z "${__NLSH_POSIX-}" ]; then
    set +o posix
    shopt -u inherit_errexit
    [ -z "${__NLSH_HISTFILE-}" ] || HISTFILE=~/.bash_history
    [ -z "${__NLSH_MAILCHECK-}" ] || MAILCHECK=60
  fi
  if [ -n "${__NLSH_ENV+set}" ]; then ENV=$__NLSH_ENV; else unset ENV; fi
fi

# --- the control channel's FIFOs, before anything else --------------------------------------
# Made here, before the first prompt, so a line typed at once can never find them missing (the
# hook would let it through unrouted). nl-sh opens them when it sees the first prompt; a request
# written before then waits in the FIFO. A fork of bash is far cheaper than one of nl-sh.
if [[ -n ${__NLSH_DIR-} ]]; then
  command -p mkfifo -m 600 "$__NLSH_DIR/req" "$__NLSH_DIR/rep" 2>/dev/null
fi

# --- the user's startup files, as bash reads them --------------------------------------------
if [[ -n ${__NLSH_VIA_ENV-} ]]; then
  unset __NLSH_VIA_ENV __NLSH_RC __NLSH_ENV __NLSH_HISTFILE __NLSH_MAILCHECK
  if [[ -n ${__NLSH_POSIX-} ]]; then
    # An interactive bash in POSIX mode reads only the file $ENV names.
    [[ -n ${ENV-} && -r $ENV ]] && . "$ENV"
  elif [[ -n ${__NLSH_LOGIN-} && -z ${__NLSH_NOPROFILE-} ]]; then
    # A login shell (bash(1), INVOCATION): /etc/profile, then the first of these that exists.
    # bash itself is a login shell: `logout` and ~/.bash_logout are its own.
    [[ -r /etc/profile ]] && . /etc/profile
    if [[ -r ~/.bash_profile ]]; then . ~/.bash_profile
    elif [[ -r ~/.bash_login ]]; then . ~/.bash_login
    elif [[ -r ~/.profile ]]; then . ~/.profile
    fi
  fi
  # Otherwise --norc (or --noprofile): nothing.
elif [[ -n ${__NLSH_RCFILE-} ]]; then
  [[ -r $__NLSH_RCFILE ]] && . "$__NLSH_RCFILE"
else
  [[ -r ~/.bashrc ]] && . ~/.bashrc
fi
unset __NLSH_LOGIN __NLSH_NOPROFILE __NLSH_RCFILE __NLSH_POSIX

# --- the control channel ---------------------------------------------------------------------
__nlsh_dir=${__NLSH_DIR-}
__nlsh_pid=${__NLSH_PID-}
# The marks' nonce: nl-sh counts an OSC 133 mark only when it carries it, so a program's output
# cannot forge "done" or "continuation". Kept as a plain shell variable, never exported.
__nlsh_n=${__NLSH_MARK:+;n=$__NLSH_MARK}
unset __NLSH_DIR __NLSH_PID __NLSH_MARK
__nlsh_off=
__nlsh_forged=
# The session's secret: made here, held only in this shell's memory (never exported, never on
# disk). Every request carries it and nl-sh pins the first one it sees (the first Enter comes
# before anything nl-sh runs); every reply must carry it back, so bytes that something else
# manages to write into the channel are refused, not obeyed.
if [[ -n ${SRANDOM-} ]]; then
  printf -v __nlsh_key '%08x%08x%08x%08x' "$SRANDOM" "$SRANDOM" "$SRANDOM" "$SRANDOM"
else
  __nlsh_key=$(command -p od -An -N16 -tx1 /dev/urandom 2>/dev/null)
  __nlsh_key=${__nlsh_key//[!0-9a-f]/}
fi

# The user's settings (set -e, -u, IFS, traps...) must not reach nl-sh's functions: each entry
# point makes `set` options local (`local -`), sets what it relies on, and runs its body as the
# left side of `||`, where bash neither exits on errors (set -e) nor runs the ERR trap.
__nlsh_prompt_pre() {
  local s=$?
  # nl-sh's lines run byte for byte as shown: history expansion was off for them alone (turned
  # back on before `local -`, which would undo it).
  if [[ -n ${__nlsh_histexp-} ]]; then set -H; unset __nlsh_histexp; fi
  local -
  set +euE +o posix
  local IFS=$' \t\n'
  __nlsh_prompt_report "$s" || :
  return "$s"
}

__nlsh_prompt_report() {
  local s=$1 p=$PWD i c out=
  # A line nl-sh ran in a wrapper (the sandbox) goes into history as the command itself.
  if [[ -n ${__nlsh_hist+set} ]]; then
    history -d -1 2>/dev/null
    history -s -- "$__nlsh_hist"
    unset __nlsh_hist
  fi
  ((${#__nlsh_guard[@]})) && __nlsh_check_guards
  # OSC 7 wants a URL; most paths need no escaping, so only loop when something does.
  if [[ $p == *[!A-Za-z0-9/._~+,=@:-]* ]]; then
    for ((i = 0; i < ${#p}; i++)); do
      c=${p:i:1}
      case $c in
        [A-Za-z0-9/._~+,=@:-]) out+=$c ;;
        *) printf -v c '%%%02X' "'$c"; out+=$c ;;
      esac
    done
    p=$out
  fi
  printf '\e]133;D;%s%s\a\e]7;file://%s%s\a' "$s" "$__nlsh_n" "${HOSTNAME-}" "$p"
}

# Protected paths a bind mount cannot pin were handed to the run: those that did not exist when
# it started (a mount needs a target), and symlinks (a mount pins the link's target, not the
# link), given as "PATH<newline>TARGET". Anything now at an absent one, or a link that no longer
# names its target, was made by the sandboxed command: it is moved aside before anything outside
# the sandbox (this shell, git, a new terminal's bash) can read it, the link is put back, and the
# user is told where it went. A directory left unwritable (rename needs write permission on it)
# is made writable first; what cannot be moved is said, loudly.
__nlsh_guard=()
__nlsh_check_guards() {
  local p t now what d root=/nonexistent q=
  for p in "${__nlsh_guard[@]}"; do
    # "=ROOT" names the writable root: parents below it were real directories when the run began.
    if [[ $p == =* ]]; then root=${p#=}; continue; fi
    t= what=created
    if [[ $p == *$'\n'* ]]; then
      t=${p#*$'\n'} p=${p%%$'\n'*} what=replaced
    fi
    # A parent the run replaced by a symlink: that link is what it planted (moving through it
    # would move whatever it names).
    d=${p%/*}
    while [[ $d == "$root"/* ]]; do
      if [[ -L $d ]]; then p=$d t= what=replaced; break; fi
      d=${d%/*}
    done
    if [[ -n $t ]]; then
      [[ -L $p ]] && now=$(command -p readlink -- "$p") && [[ $now == "$t" ]] && continue
    fi
    [[ -e $p || -L $p ]] || { [[ -n $t ]] && command -p ln -s -- "$t" "$p"; continue; }
    __nlsh_quarantine "$p" "$t" "$what"
  done
  [[ $root != /nonexistent ]] && __nlsh_check_nested_git "$root"
  __nlsh_guard=()
}

# git runs what a repository's config and hooks name (core.fsmonitor, hooks...): a repository a
# run made or changed anywhere below the cwd (the top one is protected) would run it outside the
# sandbox on the user's next git there. Config, hooks and gitdir links newer than the run's start
# are moved aside. Bounded: a large tree is cut off after 3 s, and that is said.
__nlsh_check_nested_git() {
  local root=$1 p ref=$__nlsh_dir/run-start
  [[ -n $__nlsh_dir && -e $ref ]] || return 0
  while IFS= read -r -d '' p; do
    __nlsh_quarantine "$p" '' created
  done < <(
    command -p timeout 3 find "$root" -xdev \( -path "$root/.git" -o -name node_modules -o -name .cache \) -prune \
      -o \( -path '*/.git/config' -o -path '*/.git/config.worktree' -o -path '*/.git/commondir' -o -path '*/.git/hooks/*' -o \( -name .git -type f \) \) \
      -newer "$ref" -print0 2>/dev/null
    [[ $? == 124 ]] && printf 'nl-sh: too large a directory to check within 3 s for repositories the command made; check sub-repositories before you use git there\n' >&2
  )
  command -p rm -f -- "$ref"
}

# Move one guarded path aside into this check's quarantine directory ($q of the caller), put a
# replaced link back ($2: its target), and say so in one line; loudly when it cannot be moved.
__nlsh_quarantine() {
  local p=$1 t=$2 what=$3
  if [[ -z $q ]]; then
    q=${XDG_STATE_HOME:-$HOME/.local/state}/nl-sh/quarantine/$EPOCHSECONDS-$$
    command -p mkdir -p -m 700 -- "$q" 2>/dev/null || q=/nonexistent
  fi
  [[ -d $p && ! -L $p ]] && command -p chmod u+w -- "$p" 2>/dev/null
  if [[ $q != /nonexistent ]] && command -p mv -- "$p" "$q/${p//\//%}" 2>/dev/null; then
    [[ -n $t ]] && command -p ln -s -- "$t" "$p"
    printf 'nl-sh: the sandboxed command %s %s, which the sandbox protects; moved it to %s\n' "$what" "$p" "$q" >&2
  else
    printf 'nl-sh: WARNING: the sandboxed command %s %s, which the sandbox protects, and it could not be moved aside: check it before you use it\n' "$what" "$p" >&2
  fi
}

# The prompt starts here (OSC 133 A, printed just before bash prints PS1, so PS1 reads back as
# the user set it). PS2 keeps its mark: a continuation prompt runs no PROMPT_COMMAND, and nl-sh
# must know a line is a continuation so that it never routes one.
__nlsh_prompt_post() {
  local s=$?
  printf '\e]133;A%s\a' "$__nlsh_n"
  __nlsh_mark_ps2
  return "$s"
}

__nlsh_mark_ps2() {
  [[ ${PS2-} == $'\\[\e]133;A;k=s'"$__nlsh_n"$'\a\\]'* ]] || PS2=$'\\[\e]133;A;k=s'"$__nlsh_n"$'\a\\]'"${PS2-}"
}

# Put nl-sh's prompt functions first and last in PROMPT_COMMAND (string or array), wherever the
# user's shell has moved or dropped them. Called at startup and on every Enter (the user may have
# assigned PROMPT_COMMAND or re-read ~/.bashrc): the common case is two string comparisons.
__nlsh_install_prompt() {
  local pre=__nlsh_prompt_pre post=__nlsh_prompt_post i
  local -a kept
  if [[ ${PROMPT_COMMAND+set} && ${PROMPT_COMMAND@a} == *a* ]]; then
    [[ ${PROMPT_COMMAND[0]-} == "$pre" && ${PROMPT_COMMAND[-1]} == "$post" ]] && return 0
    for i in "${PROMPT_COMMAND[@]}"; do [[ $i == "$pre" || $i == "$post" ]] || kept+=("$i"); done
    PROMPT_COMMAND=("$pre" "${kept[@]}" "$post")
  else
    [[ ${PROMPT_COMMAND-} == "$pre"$'\n'*$'\n'"$post" || ${PROMPT_COMMAND-} == "$pre"$'\n'"$post" ]] && return 0
    i=${PROMPT_COMMAND-}
    i=${i//"$pre"$'\n'/} i=${i//$'\n'"$post"/} i=${i//"$pre"/} i=${i//"$post"/}
    PROMPT_COMMAND=$pre${i:+$'\n'$i}$'\n'$post
  fi
}
# Startup files may leave set -u or -e on: the first install runs as the hook does (a one-off,
# removed after use).
__nlsh_first_install() {
  local -
  set +euE +o posix
  local IFS=$' \t\n'
  __nlsh_install_prompt
  __nlsh_mark_ps2
}
__nlsh_first_install || :
unset -f __nlsh_first_install
# Printed after a line is accepted (and after bind -x has redrawn it), before it runs.
PS0+=$'\e]133;C'"$__nlsh_n"$'\a'

# The Enter hook. Request: "Q" seq key line PATH PWD type-of-first-word, NUL-separated, in one
# grouped write. Reply: a verb byte, then seq NUL key NUL, then the verb's fields, each ending in
# NUL. Verbs: r run as typed; p replace with line (run byte for byte: no history expansion);
# c contained run: line, history, then a count and that many wrapper words, then a count and that
# many guarded paths (history gets the command, not the wrapper; see __nlsh_check_guards);
# d drop; e edit (leave line in the buffer); h hold (nl-sh owns the terminal; keep waiting while
# it lives); f facts (send `type -t` of each newline-separated word in the field, then read
# again); v definitions (send "D" seq key and the aliases and functions the command in the field
# uses, as nl-sh-sandbox passes them, for the dry run; then read again). A reply whose key is not this shell's is refused and said once. Only the verb byte is
# read with a timeout: `read -t` costs a pselect and two sigprocmasks per byte, and nl-sh writes
# each reply in one piece. Every read sets IFS itself: the user's IFS may hold anything.
__nlsh_hook() {
  [[ -z $__nlsh_off && -n $__nlsh_dir ]] || return 0
  # A blank line runs nothing either way: no need to ask, unless nl-sh has an offer waiting
  # (a blank Enter after "did you mean ...?" takes it).
  [[ $READLINE_LINE == *[![:space:]]* || -e $__nlsh_dir/offer ]] || return 0
  # Something removed the channel (an `rm -rf` of the runtime dir): make it again, or stop
  # routing; never let this line through unasked.
  if [[ ! -p $__nlsh_dir/req || ! -p $__nlsh_dir/rep ]] && ! __nlsh_rebuild_channel; then
    __nlsh_stop_routing "its control channel ($__nlsh_dir) was removed and cannot be made again"
    return 0
  fi
  local w r id key verb arg hist first word n waited=0 __nlsh_defs __nlsh_seq=${SRANDOM-$RANDOM$RANDOM}
  local -a wrap guard
  exec {w}<>"$__nlsh_dir/req" {r}<>"$__nlsh_dir/rep" || return 0
  first=${READLINE_LINE#"${READLINE_LINE%%[![:space:]]*}"}
  first=${first%%[[:space:]]*}
  {
    printf 'Q\0%s\0%s\0%s\0%s\0%s\0' "$__nlsh_seq" "$__nlsh_key" "$READLINE_LINE" "$PATH" "$PWD"
    type -t -- "$first"
    printf '\0'
  } >&"$w"
  while :; do
    if ! IFS= read -r -n 1 -t 2 -u "$r" verb; then
      # No answer: if nl-sh is gone or stuck, stop asking and leave the line unrun.
      if [[ -n $__nlsh_pid ]] && kill -0 "$__nlsh_pid" 2>/dev/null && ((++waited < 3)); then
        continue
      fi
      __nlsh_stop_routing 'nl-sh is not answering'
      break
    fi
    IFS= read -r -d '' -u "$r" id
    IFS= read -r -d '' -u "$r" key
    arg= hist= wrap=() guard=()
    [[ $verb == [pefcv] ]] && IFS= read -r -d '' -u "$r" arg
    if [[ $verb == c ]]; then
      IFS= read -r -d '' -u "$r" hist
      IFS= read -r -d '' -u "$r" n
      while ((n-- > 0)) && IFS= read -r -d '' -u "$r" word; do wrap+=("$word"); done
      IFS= read -r -d '' -u "$r" n
      while ((n-- > 0)) && IFS= read -r -d '' -u "$r" word; do guard+=("$word"); done
    fi
    if [[ $key != "$__nlsh_key" ]]; then
      if [[ -z $__nlsh_forged ]]; then
        __nlsh_forged=1
        printf '\nnl-sh: refused a reply that did not come from this session (something wrote into its channel)\n' >&2
      fi
      continue
    fi
    [[ $id == "$__nlsh_seq" ]] || continue
    case $verb in
      h) waited=-100000; continue ;;
      f)
        {
          printf 'F\0%s\0%s\0' "$__nlsh_seq" "$__nlsh_key"
          while IFS= read -r word; do
            type -t -- "$word" || printf '\n'
          done <<<"$arg"
          printf '\0'
        } >&"$w"
        continue ;;
      v)
        __nlsh_sandbox_defs "$arg"
        printf 'D\0%s\0%s\0%s\0' "$__nlsh_seq" "$__nlsh_key" "$__nlsh_defs" >&"$w"
        continue ;;
      p | c)
        READLINE_LINE=$arg; READLINE_POINT=${#arg}
        # History expansion goes off for this line (__nlsh_hook_enter, outside `local -`).
        [[ $- == *H* ]] && __nlsh_histexp=1
        if [[ $verb == c ]]; then
          __nlsh_hist=$hist __nlsh_wrap=("${wrap[@]}") __nlsh_guard=("${guard[@]}")
        fi ;;
      d) READLINE_LINE=; READLINE_POINT=0 ;;
      e)
        READLINE_LINE=$arg; READLINE_POINT=${#arg}
        bind '"\C-x\C-na": ""'
        __nlsh_noaccept=1 ;;
    esac
    break
  done
  exec {w}>&- {r}>&-
}

# The channel's FIFOs were removed: make them again where they were, as at startup (mode 0600 in
# a 0700 directory, only in a base directory this user owns that is no symlink: the /tmp fallback
# that nl-sh made with mkdtemp cannot be remade), and ask nl-sh to reopen them (SIGUSR2). nl-sh
# checks them as at startup and keeps the session's key, so nothing else can take the channel
# over. A fork or two, only after a removal.
__nlsh_rebuild_channel() {
  local d=$__nlsh_dir base=${__nlsh_dir%/*}
  [[ -n $__nlsh_pid ]] && kill -0 "$__nlsh_pid" 2>/dev/null || return 1
  [[ -e $base || -L $base ]] || command -p mkdir -m 700 -- "$base" 2>/dev/null
  [[ -d $base && ! -L $base && -O $base ]] || return 1
  [[ -e $d || -L $d ]] || command -p mkdir -m 700 -- "$d" 2>/dev/null
  [[ -d $d && ! -L $d && -O $d ]] || return 1
  [[ -p $d/req ]] || command -p mkfifo -m 600 -- "$d/req" 2>/dev/null
  [[ -p $d/rep ]] || command -p mkfifo -m 600 -- "$d/rep" 2>/dev/null
  [[ -p $d/req && ! -L $d/req && -p $d/rep && ! -L $d/rep ]] || return 1
  kill -USR2 "$__nlsh_pid" 2>/dev/null
}

# Stop asking nl-sh for the rest of the session and say why ($1) in one line; the line stays in
# the buffer (no accept this time), so the next Enter runs it in bash as typed.
__nlsh_stop_routing() {
  __nlsh_off=1
  bind '"\C-x\C-na": ""'
  __nlsh_noaccept=1
  printf '\nnl-sh: %s; routing is off for this session. Press Enter to run the line in bash.\n' "$1" >&2
}

# The aliases and functions `$1` can use, as a script for the sandbox's bash to read back: the
# user's shell options first (bash-completion's functions only parse with extglob), then the
# functions the command names and those they name in turn, then its aliases, then `set -o`
# state. Never all of `declare -f`: after one Tab completion that is far more than one argv
# string may hold. Words are found by replacing everything that cannot be part of a name with
# spaces: an over-approximation, so a name only used as an argument is defined too, harmlessly.
# One fork per level of calls (declare -f); none for a command that uses no function. Sets
# __nlsh_defs.
__nlsh_sandbox_defs() {
  local IFS=$' \t\n' text=$1 next w o fns= aliases= sets=
  local -A seen=()
  local -a level
  local -i depth count=0
  for ((depth = 0; depth < 32 && count < 512; depth++)); do
    level=() next=
    for w in ${text//[^A-Za-z0-9_.:@%+,\/-]/ }; do
      [[ $w != @ && -z ${seen[$w]-} ]] || continue
      seen[$w]=1
      if [[ -v BASH_ALIASES[$w] ]]; then
        printf -v o 'alias -- %q=%q\n' "$w" "${BASH_ALIASES[$w]}"
        aliases+=$o next+=" ${BASH_ALIASES[$w]}"
      fi
      declare -F -- "$w" >/dev/null && level+=("$w") && ((++count))
    done
    if ((${#level[@]})); then
      o=$(declare -f -- "${level[@]}")
      fns+=$o$'\n' next+=" $o"
    fi
    [[ -n $next ]] || break
    text=$next
  done
  for o in ${SHELLOPTS//:/ }; do
    case $o in emacs | vi | history | histexpand | monitor | onecmd | noexec | privileged) ;; *) sets+=" -o $o" ;; esac
  done
  printf -v __nlsh_defs '__nlsh_opts=%q\n' "$BASHOPTS"
  # shellcheck disable=SC2016 # expanded by the sandbox's bash
  __nlsh_defs+='for __nlsh_o in ${BASHOPTS//:/ }; do [[ :$__nlsh_opts: == *:"$__nlsh_o":* ]] || shopt -u "$__nlsh_o"; done
for __nlsh_o in ${__nlsh_opts//:/ }; do shopt -s "$__nlsh_o" 2>/dev/null; done
unset __nlsh_o __nlsh_opts
'
  # A function defined while extglob was on prints extglob patterns even after it is turned off;
  # parsing with it on cannot change a definition that parsed without it.
  if [[ :$BASHOPTS: == *:extglob:* ]]; then
    __nlsh_defs+=$fns
  else
    __nlsh_defs+=$'shopt -s extglob\n'$fns$'shopt -u extglob\n'
  fi
  __nlsh_defs+=$aliases$'shopt -s expand_aliases\nset +o braceexpand +o hashall +o interactive-comments'$sets$'\n'
}

# Run a command as nl-sh prepared it (contained by the sandbox): the wrapper's argv came in the
# hook's reply (__nlsh_wrap, for this one run); the command runs in a fresh bash inside it with
# the aliases and functions it uses (__nlsh_sandbox_defs), read from fd 3.
nl-sh-sandbox() {
  local -a __nlsh_w=("${__nlsh_wrap[@]}")
  unset __nlsh_wrap
  ((${#__nlsh_w[@]})) || { printf 'nl-sh-sandbox: no prepared sandbox (nl-sh prepares one for each approved command)\n' >&2; return 126; }
  local __nlsh_defs
  # When the run began, for the guard's look at repositories it may have made below the cwd.
  [[ -n $__nlsh_dir ]] && : >"$__nlsh_dir/run-start"
  __nlsh_sandbox_defs "$1"
  # The definitions reach the sandbox's bash on fd 3 (a here-string), never in argv.
  # shellcheck disable=SC2016 # expanded by the sandbox's bash
  "${__nlsh_w[@]}" bash -c '. /dev/fd/3; exec 3<&-; eval "$1"' bash "$1" 3<<<"$__nlsh_defs"
  local __nlsh_s=$?
  # At once, not only before the next prompt: a user's PROMPT_COMMAND may have dropped ours.
  ((${#__nlsh_guard[@]})) && __nlsh_check_guards
  return "$__nlsh_s"
}

# What Enter runs (bind -x), given bash's `$_` so that `$_` is unchanged after it (bash sets it to
# the last argument of this call). Restores accept-line after an 'edit' left the line in the
# buffer, puts back nl-sh's prompt functions if the user's shell dropped them, and asks nl-sh.
# Set options are local to __nlsh_hook; history expansion is switched here, outside it.
__nlsh_hook_enter() {
  # History expansion was off for nl-sh's last line only (also when a user's PROMPT_COMMAND
  # dropped ours, which restores it too).
  if [[ -n ${__nlsh_histexp-} ]]; then set -H; unset __nlsh_histexp; fi
  if [[ -n ${__nlsh_noaccept-} ]]; then
    unset __nlsh_noaccept
    bind '"\C-x\C-na": accept-line'
  fi
  __nlsh_guarded_hook || :
  if [[ -n ${__nlsh_histexp-} ]]; then set +H; fi
  return 0
}

__nlsh_guarded_hook() {
  local -
  set +euE +o posix
  local IFS=$' \t\n'
  __nlsh_install_prompt
  __nlsh_mark_ps2
  __nlsh_hook
}

if [[ -n $__nlsh_dir ]]; then
  for __nlsh_km in emacs vi-insert vi-command; do
    bind -m "$__nlsh_km" -x '"\C-x\C-nh": __nlsh_hook_enter "$_"'
    bind -m "$__nlsh_km" '"\C-x\C-na": accept-line'
    bind -m "$__nlsh_km" '"\C-m": "\C-x\C-nh\C-x\C-na"'
    bind -m "$__nlsh_km" '"\C-j": "\C-x\C-nh\C-x\C-na"'
  done
  unset __nlsh_km
fi
