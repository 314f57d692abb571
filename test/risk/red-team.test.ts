// Red-team findings (test/risk/redteam.jsonl) by capability, each with harmless siblings that must
// stay read-only: option values that name programs, read-only modes that do not stop other flags,
// editor commands, and machine-wide settings changed by tools with read-only uses.

import { describeLevels } from '../support/level-table.js';

describeLevels('vim family: editor commands run even with -R', [
  ["view -c '!rm -rf ~' notes.txt", 'destructive'],
  ["vimdiff -c '!rm -rf ~' a.txt b.txt", 'destructive'],
  ['vim -R \'+call system("rm -rf ~")\' notes.txt', 'destructive'],
  ['nvim -R \'+lua os.execute("rm -rf ~")\' notes.txt', 'destructive'],
  ["vim -R '+terminal rm -rf ~' notes.txt", 'destructive'],
  ['view \'+call delete("notes.txt")\' notes.txt', 'destructive'],
  ["gvim -R '+!rm -rf ~' notes.txt", 'destructive'],
  ['vim -R -u ./project.vim notes.txt', 'writes'],
  ['vim -R -s keys.txt notes.txt', 'writes'],
  ["printf '%s\\n' '!rm -rf ~' 'q!' | vim -R -es", 'destructive'],
  ['vim -R notes.txt', 'read_only'],
  ['vim -R +10 notes.txt', 'read_only'],
  ["view '+/TODO' notes.txt", 'read_only'],
  ['view notes.txt', 'read_only'],
  ['nvim -R notes.txt', 'read_only'],
  ['vimdiff a.txt b.txt', 'read_only'],
  ['vim notes.txt', 'writes'],
]);

describeLevels('options whose value is a program run for the command', [
  ["bat --paging=always --pager 'rm -rf ~' README.md", 'destructive'],
  ["batcat --pager 'rm -rf ~' README.md", 'destructive'],
  ["ack --pager='rm -rf ~' TODO", 'destructive'],
  ["ag --pager 'rm -rf ~' TODO", 'destructive'],
  ['sort -S 1K --compress-program=sh notes.txt', 'destructive'],
  ['sort --compress-program=python3 cmds.txt', 'destructive'],
  ['sort --compress-program=./x notes.txt', 'writes'],
  ["fzf --preview 'rm -rf ~'", 'destructive'],
  ["fzf --bind 'start:execute(rm -rf ~)'", 'destructive'],
  ["fzf --bind 'load:become(rm -rf ~)'", 'destructive'],
  ['fzf --listen 6266', 'writes'],
  ["git ls-remote --upload-pack='rm -rf ~' origin", 'destructive'],
  ["git fetch --upload-pack 'rm -rf ~' origin", 'destructive'],
  ["git push --receive-pack='rm -rf ~' origin main", 'destructive'],
  ["gpg --list-options show-photos --photo-viewer 'rm -rf ~' --list-keys", 'destructive'],
  ['cowsay -f ./evil.cow hi', 'writes'],
  ['bat README.md', 'read_only'],
  ['ag TODO', 'read_only'],
  ['sort -u f', 'read_only'],
  ['sort -k2 -t, f.csv', 'read_only'],
  ['fzf', 'read_only'],
  ["fzf --bind 'ctrl-a:select-all'", 'read_only'],
  ['git ls-remote origin', 'read_only'],
  ['cowsay -f dragon hi', 'read_only'],
]);

describeLevels('a read-only mode does not hide a destructive flag', [
  ['gpg --verify x.sig --batch --yes --delete-secret-and-public-key ABCD1234', 'destructive'],
  ['gpg --list-keys --import evil.asc', 'writes'],
  ['gpg -k --recv-keys ABCD1234', 'writes'],
  ['gpg --verify x.sig', 'read_only'],
  ['gpg --list-keys', 'read_only'],
  ['git push -n --force', 'read_only'],
  ['sqlite3 -readonly a.db "DELETE FROM t"', 'read_only'],
]);

describeLevels('Debian names of fd and bat', [
  ['fdfind . -X rm -rf', 'destructive'],
  ['fdfind -e log -x rm', 'destructive'],
  ['fdfind -e log', 'read_only'],
  ['batcat README.md', 'read_only'],
]);

describeLevels('machine-wide changes by tools with read-only uses', [
  ['hostname --file=/tmp/newname', 'privileged'],
  ['ss -K dst 10.0.0.1', 'privileged'],
  ['arp -d 10.0.0.1', 'privileged'],
  ['nvidia-smi -pl 100', 'privileged'],
  ['nvidia-smi --gpu-reset', 'privileged'],
  ['hdparm --write-sector 1234 --yes-i-know-what-i-am-doing /dev/sda', 'destructive'],
  ['hdparm -Y /dev/sda', 'privileged'],
  ['ethtool -L eth0 combined 1', 'privileged'],
  ['ethtool --reset eth0 all', 'privileged'],
  ['dmesg -n 1', 'privileged'],
  ['dmesg -D', 'privileged'],
  ['sensors -s', 'privileged'],
  ['dmidecode --dump-bin out.bin', 'writes'],
  ['hostname', 'read_only'],
  ['ss -ltn', 'read_only'],
  ['arp -n', 'read_only'],
  ['nvidia-smi', 'read_only'],
  ['hdparm -I /dev/sda', 'read_only'],
  ['ethtool eth0', 'read_only'],
  ['dmesg', 'read_only'],
  ['dmesg -T --level err', 'read_only'],
  ['sensors', 'read_only'],
  ['dmidecode -t memory', 'read_only'],
  ['getconf PAGESIZE', 'read_only'],
  ['locale', 'read_only'],
]);
