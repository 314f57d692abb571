// Choosing few-shot examples: relevant (a request finds the example it needs among the top 4),
// deterministic, the user's own pairs competing with the corpus, and fast enough to go unnoticed.

import { describe, expect, it } from 'vitest';
import { termsOf } from '../../src/planner/example-terms.js';
import { createExampleChooser, type CommandExample } from '../../src/planner/examples.js';
import { EXAMPLE_CORPUS } from '../../src/planner/example-corpus.js';

const chooser = createExampleChooser(EXAMPLE_CORPUS);
const commandsFor = (request: string, own?: CommandExample[]) => chooser.choose(request, { own }).map((e) => e.command);

describe('termsOf', () => {
  it.each([
    ['biggest files', 'largest file'],
    ['delete folders', 'remove directories'],
    ['changed files', 'modified file'],
    ['subdirectory sizes', 'folder size'],
    ['searching logs', 'search log'],
  ])('"%s" and "%s" have the same terms', (a, b) => {
    expect(termsOf(a)).toEqual(termsOf(b));
  });

  it('drops common words and bare numbers', () => {
    expect(termsOf('show me the 10 files in this folder')).toEqual(termsOf('show files folder'));
  });
});

describe('the examples chosen for a request', () => {
  it.each([
    ['show me the biggest directories', 'du -sh -- */ | sort -h'],
    ['largest files in this folder', "find . -type f -printf '%s %p\\n' | sort -rn | head -n 10"],
    ['erase the build directory', 'rm -r build'],
    ['how do I untar a tarball', 'tar -xzf backup.tar.gz'],
    ['unzip an archive I downloaded', 'unzip pictures.zip -d pictures'],
    ['kill whatever is using port 3000', "ss -ltnp | grep ':8080'"],
    ['pretty print this json file', 'jq . package.json'],
    ['see the logs of a systemd unit', "journalctl -u nginx --since '1 hour ago'"],
    ['restart the apache service', 'sudo systemctl restart nginx'],
    ['search the code for FIXME', 'grep -rn TODO .'],
    ['how much space is left on the disk', 'df -h'],
    ['remove all the .o files under build recursively', "find . -type f -name '*.pyc' -delete"],
    ['sum a column of numbers', "awk '{s += $1} END {print s}' amounts.txt"],
    ['show hidden dot files', 'ls -A'],
    ['replace text in a file', "sed -i 's/foo/bar/g' notes.txt"],
    ['what is my ip', 'ip -br addr'],
    ['free memory', 'free -h'],
    ['create a directory with its parents', 'mkdir -p a/b/c'],
    ['which process is eating the most cpu', 'ps -eo pid,comm,%cpu --sort=-%cpu | head'],
    ['show the recent commits', 'git log --oneline -n 5'],
    ['follow a log file live', 'tail -f app.log'],
    ['get rid of duplicate lines and sort', 'sort -u names.txt'],
    ['download this file with curl', 'curl -LO https://example.com/file.tar.gz'],
  ])('"%s" finds %s among the top 4', (request, expected) => {
    expect(commandsFor(request)).toContain(expected);
  });

  it('at most 4 by default, best first, and the same every time', () => {
    const first = commandsFor('compress the logs folder');
    expect(first.length).toBeLessThanOrEqual(4);
    expect(commandsFor('compress the logs folder')).toEqual(first);
    expect(chooser.choose('compress the logs folder', { k: 2 }).map((e) => e.command)).toEqual(first.slice(0, 2));
  });

  it('none when the request shares no term with any example', () => {
    expect(commandsFor('xyzzy plugh')).toEqual([]);
    expect(commandsFor('')).toEqual([]);
  });

  it("the user's own pairs compete with the corpus, win ties, and no command comes twice", () => {
    const own = [
      { request: 'deploy the staging site', command: './deploy.sh staging' },
      { request: 'pretty print package.json', command: 'jq . package.json' },
    ];
    expect(commandsFor('deploy to staging', own)[0]).toBe('./deploy.sh staging');
    const json = commandsFor('pretty print package.json', own);
    expect(json[0]).toBe('jq . package.json');
    expect(json.filter((c) => c === 'jq . package.json')).toHaveLength(1);
  });

  it('takes well under a millisecond per request over the whole corpus', () => {
    const requests = ['show me the biggest directories', 'restart the apache service', 'find python files containing import os', 'how much space is left on the disk'];
    for (const r of requests) chooser.choose(r); // warm up
    const rounds = 500;
    const started = performance.now();
    for (let i = 0; i < rounds; i++) chooser.choose(requests[i % requests.length]!);
    const perRequestMs = (performance.now() - started) / rounds;
    expect(perRequestMs).toBeLessThan(1);
  });
});
