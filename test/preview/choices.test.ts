// The preview's choices as a table: what each gate decision offers, what Enter does, and keys.

import { describe, expect, it } from 'vitest';
import { choiceForKey, choicesFor, type ChoiceFacts } from '../../src/preview/choices.js';

const facts = (over: Partial<ChoiceFacts> = {}): ChoiceFacts => ({ action: 'confirm', sandboxAvailable: true, unsandboxedAllowed: true, approvable: false, dryRunPossible: true, dryRunShown: false, reused: false, ...over });
const ids = (f: ChoiceFacts) => choicesFor(f).choices.map((c) => c.id);

describe('choicesFor', () => {
  it.each([
    ['run', facts({ action: 'run' }), 'run'],
    ['confirm', facts({ action: 'confirm' }), 'cancel'],
    ['confirm-typed', facts({ action: 'confirm-typed' }), 'cancel'],
    ['deny', facts({ action: 'deny' }), 'cancel'],
    ['run, but nothing can run it', facts({ action: 'run', sandboxAvailable: false, unsandboxedAllowed: false }), 'cancel'],
    // Issue 15: a plan below the tier's confidence threshold runs only on its key, never on Enter.
    ['run, but the model was not confident', facts({ action: 'run', lowConfidence: true }), 'cancel'],
    ['a plain cd, but the model was not confident', facts({ action: 'run', inShell: true, shellOnEnter: true, lowConfidence: true }), 'cancel'],
  ] as const)('Enter for %s is %s', (_name, f, expected) => {
    expect(choicesFor(f).defaultId).toBe(expected);
  });

  it('Enter never runs anything the policy does not let run unasked', () => {
    for (const action of ['confirm', 'confirm-typed', 'deny'] as const) {
      for (const sandboxAvailable of [true, false]) for (const approvable of [true, false]) expect(choicesFor(facts({ action, sandboxAvailable, approvable })).defaultId).not.toBe('run');
    }
  });

  it.each([
    ['a confirm with everything', facts({ approvable: true }), ['run', 'run-unsandboxed', 'always', 'edit', 'revise', 'explain', 'dry-run', 'copy', 'cancel']],
    ['deny offers no way to run', facts({ action: 'deny', approvable: true }), ['edit', 'revise', 'explain', 'copy', 'cancel']],
    ['policy forbids unsandboxed', facts({ unsandboxedAllowed: false }), ['run', 'edit', 'revise', 'explain', 'dry-run', 'copy', 'cancel']],
    ['no sandbox here, unsandboxed allowed', facts({ sandboxAvailable: false }), ['run', 'edit', 'revise', 'explain', 'dry-run', 'copy', 'cancel']],
    ['no sandbox here, unsandboxed forbidden', facts({ sandboxAvailable: false, unsandboxedAllowed: false, approvable: true }), ['edit', 'revise', 'explain', 'dry-run', 'copy', 'cancel']],
    ['confirm-typed is never remembered', facts({ action: 'confirm-typed', approvable: true }), ['run', 'run-unsandboxed', 'edit', 'revise', 'explain', 'dry-run', 'copy', 'cancel']],
    ['dry runs impossible here', facts({ dryRunPossible: false }), ['run', 'run-unsandboxed', 'edit', 'revise', 'explain', 'copy', 'cancel']],
    ['dry run already shown', facts({ dryRunShown: true }), ['run', 'run-unsandboxed', 'edit', 'revise', 'explain', 'copy', 'cancel']],
    ['a reused answer can be asked again', facts({ action: 'run', reused: true }), ['run', 'run-unsandboxed', 'edit', 'revise', 'explain', 'dry-run', 'copy', 'ask-again', 'cancel']],
    ['a folded preview offers its details', facts({ detailsFolded: true }), ['run', 'run-unsandboxed', 'edit', 'revise', 'explain', 'dry-run', 'copy', 'details', 'cancel']],
    ['a denied, folded preview still offers its details', facts({ action: 'deny', detailsFolded: true }), ['edit', 'revise', 'explain', 'copy', 'details', 'cancel']],
  ] as const)('%s', (_name, f, expected) => {
    expect(ids(f)).toEqual(expected);
  });

  it('labels say whether the run is sandboxed', () => {
    expect(choicesFor(facts()).choices[0]?.label).toBe('run (sandboxed)');
    expect(choicesFor(facts({ sandboxAvailable: false })).choices[0]?.label).toBe('run (no sandbox here)');
  });

  it('every key is distinct', () => {
    const keys = choicesFor(facts({ approvable: true, reused: true, networkOffered: true, detailsFolded: true })).choices.map((c) => c.key);
    expect(keys).toHaveLength(12);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('choiceForKey', () => {
  const menu = choicesFor(facts({ approvable: true }));
  it.each([
    ['r', 'run'],
    ['R', 'run'],
    ['u', 'run-unsandboxed'],
    ['a', 'always'],
    ['e', 'edit'],
    ['v', 'revise'],
    ['x', 'explain'],
    ['d', 'dry-run'],
    ['c', 'copy'],
    ['n', 'cancel'],
    ['q', 'cancel'],
    ['\x03', 'cancel'],
    ['\x1b', 'cancel'],
    ['\x04', 'cancel'],
    ['\r', 'cancel'],
    ['g', undefined],
    ['\x1b[A', undefined],
    ['rr', undefined],
    [' ', undefined],
  ] as const)('%j → %s', (key, expected) => {
    expect(choiceForKey(menu, key)).toBe(expected);
  });

  it('i shows the details of a folded preview, and picks nothing when it is whole', () => {
    expect(choiceForKey(choicesFor(facts({ detailsFolded: true })), 'i')).toBe('details');
    expect(choiceForKey(choicesFor(facts()), 'i')).toBeUndefined();
  });

  it('a key for a choice not offered picks nothing', () => {
    expect(choiceForKey(choicesFor(facts({ action: 'deny' })), 'r')).toBeUndefined();
  });
});
