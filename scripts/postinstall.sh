#!/bin/sh
# After `npm install -g nl-sh`: make the launcher right for this machine and say how to make
# nl-sh the login shell (and how to go back). Never fails the install: nl-sh falls back to bash.
cd "$(dirname "$0")/.." || exit 0
sh scripts/build-launcher.sh || echo "nl-sh: could not build the launcher; run 'sh $PWD/scripts/build-launcher.sh'" >&2
# In a development checkout, setup prints its own note.
[ -d .git ] && exit 0
launcher=$PWD/bin/nl-sh
cat >&2 <<NOTE
nl-sh: installed. Try it: nl-sh
nl-sh: to make it your login shell:  nl-sh-login-shell enable
       (adds $launcher to /etc/shells with sudo, remembers your current shell, runs chsh)
nl-sh: to go back (before npm uninstall -g nl-sh):  nl-sh-login-shell disable
NOTE
exit 0
