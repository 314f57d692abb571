// The router's behaviour, as tables of adversarial lines in both directions. Every row runs
// with the bash parser loaded and without it (the first Enter may come before it loads).
// A failing row is a spec bug: fix the router or argue the row.
//
// Hard calls, decided here:
// - `make it so` is nl: `it` and `so` are prose; a user who wants make targets `it` and `so`
//   types `\make it so`. `make install`, `make all`, `make clean build` stay shell: make's
//   arguments are bare-word targets.
// - `deploy the app to staging` is shell when `deploy` is the user's own function or alias:
//   their vocabulary wins over English (`,` sends it to the model).
// - `rm the old logs` is nl: an article right after a command is prose, and sending it to
//   bash would be the harmful direction.
// - A single unknown word (`hello`, `status`) goes to bash: it looks like a
//   command, and after "command not found" nl-sh offers a correction or the model.
// - `install node 20`, `free disk space`, `ls in downloads` stay shell: a command bash knows,
//   no function word that commits to English; bash's error is harmless.

import { beforeAll, describe, expect, it } from 'vitest';
import { route, type Route } from '../../../src/repl/router/index.js';
import { loadBashParser, type BashParser } from '../../../src/risk/index.js';
import { fakeFacts } from './fake-facts.js';

let parser: BashParser;
beforeAll(async () => {
  parser = await loadBashParser();
});

type Row = [line: string, expected: Route];

/** Assert every row, with and without the parser. */
function table(title: string, rows: Row[]): void {
  describe(title, () => {
    it.each(rows)('`%s` routes %s (parser loaded)', (line, expected) => {
      expect(route(line, fakeFacts(parser)).route).toBe(expected);
    });
    it.each(rows)('`%s` routes %s (no parser yet)', (line, expected) => {
      expect(route(line, fakeFacts()).route).toBe(expected);
    });
  });
}

table('English that starts with a command word is natural language', [
  ['find all large files in my home', 'nl'],
  ['make a new folder called reports', 'nl'],
  ['kill the process on port 3000', 'nl'],
  ['which process uses port 8080', 'nl'],
  ['time how long the build takes', 'nl'],
  ['sort these lines by length', 'nl'],
  ['find all files in the current directory', 'nl'],
  ['find all *.txt files under current directory', 'nl'],
  ['display the count of all the regular files in the current folder', 'nl'],
  ['watch the logs', 'nl'],
  ['tail the syslog for errors', 'nl'],
  ['kill all node processes', 'nl'],
  ['rm the old logs', 'nl'],
  ['grep for errors in the log file', 'nl'],
  ['ssh into the prod server', 'nl'],
  ['split this file into chunks of 100 lines', 'nl'],
  ['touch every file in this folder', 'nl'],
  ['cat the contents of the readme', 'nl'],
  ['help me find large files', 'nl'],
  ['for each file in the folder print its size', 'nl'],
  ['if the disk is full, delete old logs', 'nl'],
  ['do a case-insensitive search for TODO', 'nl'],
  ['make it so', 'nl'],
  ['find big files', 'nl'],
  ['find duplicate files', 'nl'],
  ['kill chrome processes', 'nl'],
  ['ls files sorted by size', 'nl'],
  ['cd into the projects folder', 'nl'],
  ['git undo my last commit', 'nl'],
  ['npm install all the dependencies', 'nl'],
  ['python3 script to parse json', 'nl'],
  ['tree of the current directory', 'nl'],
  ['curl the api endpoint', 'nl'],
  ['sudo find all large files', 'nl'],
  ['time this command', 'nl'],
  ['watch for changes in src', 'nl'],
  ['split video into parts', 'nl'],
]);

table('English requests and descriptions are natural language', [
  ['list all files modified today', 'nl'],
  ['show me disk usage', 'nl'],
  ['create an archive from files', 'nl'],
  ['Create an archive from files.', 'nl'],
  ['delete all docker images', 'nl'],
  ['compress this folder', 'nl'],
  ['restart nginx', 'nl'],
  ['list running containers', 'nl'],
  ['update the system', 'nl'],
  ['count lines in file.txt', 'nl'],
  ['move all pngs from ~/Downloads to ~/Pictures', 'nl'],
  ['download https://example.com/file.zip and unzip it', 'nl'],
  ['Prints the number of lines in "$file".', 'nl'],
  ['recursively remove all empty directories', 'nl'],
  ['Search for a given package', 'nl'],
  ['start waitress on a Unix socket', 'nl'],
  ['please list hidden files', 'nl'],
  ['I need to free some disk space', 'nl'],
  ['go to the parent directory', 'nl'],
  ['the server is down, what should I check', 'nl'],
  ['my disk is full', 'nl'],
  ['all files larger than 1GB', 'nl'],
  ['now delete them', 'nl'],
  ['use rsync instead of scp', 'nl'],
  ['write a bash script that backs up my home directory every night', 'nl'],
  ['set up a cron job to run backup.sh every day at 3am', 'nl'],
  ['Search the current directory tree for files whose names end in ".rb"', 'nl'],
  ['remove files older than 7 days in /tmp', 'nl'],
  ['Create a symbolic link named "latest" to "release-1.2"', 'nl'],
  ['what does `ls -la` do', 'nl'],
  ['explain `find . -name "*.py" | xargs wc -l`', 'nl'],
]);

table('questions without a question mark are natural language', [
  ["what's using my cpu", 'nl'],
  ['how do I list open ports', 'nl'],
  ['where is python installed', 'nl'],
  ['why is my laptop so slow', 'nl'],
  ['is docker running', 'nl'],
  ['can you show hidden files', 'nl'],
  ["what's the biggest file here", 'nl'],
  ["why doesn't my script run", 'nl'],
]);

table('other languages are natural language', [
  ['显示当前目录中的所有文件', 'nl'],
  ['列出 所有 文件', 'nl'],
  ['muestra todos los archivos del directorio', 'nl'],
  ['Muestra la versión instalada', 'nl'],
  ['zeige alle Dateien im Verzeichnis', 'nl'],
  ['Erstelle ein neues Verzeichnis', 'nl'],
  ['affiche les fichiers cachés', 'nl'],
  ['Supprime tous les conteneurs arrêtés', 'nl'],
  ['ファイルを一覧表示する', 'nl'],
  ['포트 8080을 사용하는 프로세스 찾기', 'nl'],
  ['покажи все файлы', 'nl'],
  ['¿cómo listo los archivos ocultos?', 'nl'],
  ['Wie finde ich große Dateien?', 'nl'],
  ['mostra tutti i file', 'nl'],
]);

table('commands that read like English are shell', [
  ['echo hello world', 'shell'],
  ['echo the build is done', 'shell'],
  ['echo 你好', 'shell'],
  ['git commit -m "fix the parser"', 'shell'],
  ['make install', 'shell'],
  ['make all', 'shell'],
  ['make', 'shell'],
  ['time make', 'shell'],
  ['yes | head -n 3', 'shell'],
  ['kubectl top pods', 'shell'],
  ['kubectl get pods -n prod', 'shell'],
  ['dnf module list', 'shell'],
  ['git remote prune origin', 'shell'],
  ['git push origin main', 'shell'],
  ['docker compose up', 'shell'],
  ['npm run build', 'shell'],
  ['watch ls', 'shell'],
  ['who am i', 'shell'],
  ['sort names.txt', 'shell'],
  ['find . -name "*.log" -delete', 'shell'],
  ['find', 'shell'],
  ['kill 1234', 'shell'],
  ['kill -9 %1', 'shell'],
  ['which python3', 'shell'],
  ['file image.png', 'shell'],
  ['touch a b c', 'shell'],
  ['help cd', 'shell'],
  ['type ls', 'shell'],
  ['set -euo pipefail', 'shell'],
  ['export PATH="$HOME/bin:$PATH"', 'shell'],
  ['alias ll="ls -la"', 'shell'],
  ['source ~/.bashrc', 'shell'],
  ['. ./env.sh', 'shell'],
  ['cd', 'shell'],
  ['cd ..', 'shell'],
  ['cd -', 'shell'],
  ['fg %1', 'shell'],
  ['bg % so it wont die when you logoff', 'shell'],
  ['history | grep ssh', 'shell'],
  ['ps aux | grep node', 'shell'],
  ['du -sh * | sort -h', 'shell'],
  ['curl -s https://example.com | jq .', 'shell'],
  ['tar -xzf archive.tar.gz', 'shell'],
  ['ssh user@host', 'shell'],
  ['scp notes.md host:/tmp/', 'shell'],
  ['python3 -m http.server 8000', 'shell'],
  ['sudo apt install htop', 'shell'],
  ['sudo systemctl restart nginx', 'shell'],
  ['nohup ./server &', 'shell'],
  ['cat <<EOF', 'shell'],
  ['cat <<EOF > notes.txt', 'shell'],
  ['grep -r TODO src', 'shell'],
  ['clear', 'shell'],
  ['exit', 'shell'],
  ['ll', 'shell'],
  ['gst', 'shell'],
  ['mkcd reports', 'shell'],
  ['deploy the app to staging', 'shell'],
  ['make clean build', 'shell'],
  ['read name email', 'shell'],
  ['ls -la # list all the files in this directory', 'shell'],
  ['echo "what\'s up"', 'shell'],
  ['git commit -am "Don\'t crash when the list is empty"', 'shell'],
  ['notify-send "Build finished" "All tests passed"', 'shell'],
  ['cowsay hello there', 'shell'],
  ['grep -E "error|warning" app.log', 'shell'],
  ["awk '{ print $1 }' access.log | sort | uniq -c | sort -rn | head", 'shell'],
  ['docker run -e "GREETING=hello world" alpine env', 'shell'],
  ['install -m 755 build/app /usr/local/bin/app', 'shell'],
  ['watch docker ps', 'shell'],
  ['sort file.txt | uniq -c', 'shell'],
  ['test -f /etc/passwd && echo yes', 'shell'],
  ['just build', 'shell'],
]);

table('command lines of tools that are not installed are shell', [
  ['rclone config', 'shell'],
  ['terraform plan -out plan.tfplan', 'shell'],
  ['helm install my-release bitnami/nginx', 'shell'],
  ['pulumi stack select dev', 'shell'],
  ['jj new main', 'shell'],
  ['nordvpn connect Germany', 'shell'],
  ['exo compute instance list', 'shell'],
  ['wg-quick up wg0', 'shell'],
  ['fvm releases', 'shell'],
  ['pyrit list_cores', 'shell'],
  ['brew install wget', 'shell'],
  ['go test ./...', 'shell'],
  ['go env', 'shell'],
  ['cargo build --release', 'shell'],
  ['htop', 'shell'],
  ['VBoxManage list vms', 'shell'],
  ['yarn global add typescript', 'shell'],
  ['gh pr create --fill', 'shell'],
  ['aws s3 ls s3://my-bucket', 'shell'],
]);

table('typos of commands stay shell (bash reports them, then nl-sh offers help)', [
  ['gti status', 'shell'],
  ['sl -la', 'shell'],
  ['sl', 'shell'],
  ['pyhton3 app.py', 'shell'],
  ['cd..', 'shell'],
  ['mkdri build', 'shell'],
]);

table('assignments, paths and expansions are shell', [
  ['FOO=bar', 'shell'],
  ['FOO=bar cmd', 'shell'],
  ['FOO="the value" ./run.sh', 'shell'],
  ['arr=(one two three)', 'shell'],
  ['x=$(ls | wc -l)', 'shell'],
  ['./configure --prefix=/usr', 'shell'],
  ['~/bin/x', 'shell'],
  ['/usr/bin/env python3', 'shell'],
  ['../scripts/build.sh', 'shell'],
  ['$EDITOR notes.md', 'shell'],
  ['"$HOME/bin/tool" --help', 'shell'],
]);

table('history expansion and compound commands are shell', [
  ['!!', 'shell'],
  ['sudo !!', 'shell'],
  ['!$', 'shell'],
  ['!ls', 'shell'],
  ['echo !$', 'shell'],
  ['^foo^bar', 'shell'],
  ['for f in *.txt; do echo "$f"; done', 'shell'],
  ['for i in 1 2 3', 'shell'],
  ['if [ -f x ]; then echo y; fi', 'shell'],
  ['while true; do date; sleep 1; done', 'shell'],
  ['[ -d build ] || mkdir build', 'shell'],
  ['[[ -n $TERM ]] && echo set', 'shell'],
  ['(cd /tmp && ls)', 'shell'],
  ['{ echo a; echo b; } > out.txt', 'shell'],
  ['case $x in a) echo a;; esac', 'shell'],
  ['function greet { echo hi; }', 'shell'],
  ['greet() { echo hi; }', 'shell'],
  ['# a comment', 'shell'],
]);

table('continuation lines are shell', [
  ['done', 'shell'],
  ['fi', 'shell'],
  ['}', 'shell'],
  ['esac', 'shell'],
  ['then', 'shell'],
  ['do echo $f', 'shell'],
  ['ls -la |', 'shell'],
  ['make &&', 'shell'],
  ['echo one \\', 'shell'],
  ['for f in *; do', 'shell'],
]);

table('`>` and `|` inside a sentence do not make it a command', [
  ['make a file > 10MB list', 'nl'],
  ['find files > 100MB in my home', 'nl'],
  ['show files bigger than 10MB', 'nl'],
]);

table('parse errors: English apostrophes are prose, unfinished shell stays shell', [
  ["don't delete anything, just list the big files", 'nl'],
  ["show the user's home directory", 'nl'],
  ['echo "unterminated', 'shell'],
  ["grep 'unterminated", 'shell'],
]);

table('blank lines go to bash', [
  ['', 'shell'],
  ['   ', 'shell'],
  ['\t', 'shell'],
]);
