// Which requests refer to earlier work (and so may send bash history to a cloud tier), and what
// a cloud tier gets of the context. A row that sends history for a fresh request is a leak.

import { describe, expect, it } from 'vitest';
import { contextForCloud, refersToEarlierWork } from '../../src/planner/context-need.js';
import type { PlannerContext } from '../../src/planner/context.js';

describe('refersToEarlierWork', () => {
  it.each([
    'do that again',
    'run it again but with sudo',
    'redo the last command',
    'undo what I did',
    'rerun the previous command in verbose mode',
    're-run that with --force',
    'repeat the last one for every file',
    'what did I run an hour ago',
    'the command I ran earlier, but for staging',
    "show me what I've run today",
    'same as before but only in src',
    'like last time',
    'fix that command',
    'it failed, try with the right path',
    'the previous command but recursive',
    'use the same command on /var/log',
    'search my history for ssh',
    'I just downloaded a tarball, unpack it',
    'Run The Last Command Again',
    'what I typed a minute ago',
    'previously I compressed a folder; extract it',
    'do the earlier step for prod',
  ])('"%s" refers to earlier work', (request) => {
    expect(refersToEarlierWork(request)).toBe(true);
  });

  it.each([
    'find large files',
    'show the last 10 lines of app.log',
    'list the last 5 commits',
    'show the git history of main.ts',
    'count lines in history.txt',
    'repeat each line twice in words.txt',
    'sort files by last access time',
    'delete previous backups older than 30 days',
    'how do I run the tests',
    'can you run ls in /tmp',
    'curl with retry 3 times',
    'files modified earlier than 2020',
    'compress the logs folder',
    'show disk usage',
  ])('"%s" does not', (request) => {
    expect(refersToEarlierWork(request)).toBe(false);
  });
});

const ctx: PlannerContext = {
  cwd: '/p',
  listing: ['a.txt'],
  history: ['ls', 'mysql -pS3cret'],
  lastCommand: { line: 'make test', status: 2, outputTail: 'error: token=abc' },
  integrations: ['git branch: main'],
  omitted: [],
};

describe('contextForCloud', () => {
  it('a request that does not refer to earlier work gets no history, no last command and no output', () => {
    const out = contextForCloud(ctx, { wording: ['find large files'], kind: 'plan', cloudHistory: 'when-referenced' });
    expect(out).toEqual({ cwd: '/p', listing: ['a.txt'], integrations: ['git branch: main'], omitted: [] });
  });

  it('a request that refers to earlier work gets history and the last command line, never its output', () => {
    const out = contextForCloud(ctx, { wording: ['run that again with sudo'], kind: 'plan', cloudHistory: 'when-referenced' });
    expect(out.history).toEqual(ctx.history);
    expect(out.lastCommand).toEqual({ line: 'make test', status: 2, outputTail: '' });
  });

  it('an earlier turn of the conversation counts as the wording', () => {
    const out = contextForCloud(ctx, { wording: ['only in src', 'redo the last command'], kind: 'plan', cloudHistory: 'when-referenced' });
    expect(out.history).toEqual(ctx.history);
  });

  it('cloud_history = "never" sends no history and no last command for a request, whatever it says', () => {
    const out = contextForCloud(ctx, { wording: ['run that again'], kind: 'plan', cloudHistory: 'never' });
    expect(out.history).toBeUndefined();
    expect(out.lastCommand).toBeUndefined();
  });

  it('a ? question gets the last command and its output, and history only when referenced', () => {
    const plain = contextForCloud(ctx, { wording: ['why did make fail'], kind: 'ask', cloudHistory: 'when-referenced' });
    expect(plain.lastCommand).toEqual(ctx.lastCommand);
    expect(plain.history).toBeUndefined();
    const never = contextForCloud(ctx, { wording: ['what did I run before that'], kind: 'ask', cloudHistory: 'never' });
    expect(never.history).toBeUndefined();
    expect(never.lastCommand).toEqual(ctx.lastCommand);
  });

  it('leaves the gathered context as it was', () => {
    contextForCloud(ctx, { wording: ['find files'], kind: 'plan', cloudHistory: 'when-referenced' });
    expect(ctx.history).toHaveLength(2);
  });
});
