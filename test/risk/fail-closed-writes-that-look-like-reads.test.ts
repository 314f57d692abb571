import type { Level } from '../../src/risk/index.js';
import { describeLevels } from '../support/level-table.js';

// Writes that look like reads: output options and positional outputs of otherwise read-only commands.
const rows: [string, Level][] = [
  ["git log --output=F","writes"],
  ["git show --output=F","writes"],
  ["git diff --output=F","writes"],
  ["git format-patch -1","writes"],
  ["git format-patch --output=F -1","writes"],
  ["patch --dry-run -o F < p","writes"],
  ["npm ls --logs-dir=D","writes"],
  ["file -C -m x","writes"],
  ["sort -o F x","writes"],
  ["uniq in out","writes"],
  ["ssh-keygen -R host","writes"],
  ["git bundle create x.bundle HEAD","writes"],
  ["openssl x509 -in a -out b","writes"],
  ["gpg -o x -d y","writes"],
  ["gpg --output x --decrypt y","writes"],
  ["gpg --list-keys -o x","writes"],
  ["script F","writes"],
  ["script","writes"],
  ["date -s '2020-01-01'","privileged"],
  ["hostname foo","privileged"],
  ["history -w","writes"],
  ["history -c","destructive"],
  ["git log --output=CHANGES.md","writes"],
  ["gpg --output out.txt --decrypt in.gpg","writes"],
  ["gpg --list-keys","read_only"],
  ["patch -p1 --dry-run < p","read_only"],
];

describeLevels('Writes that look like reads: output options and positional outputs of otherwise read-only commands.', rows);
