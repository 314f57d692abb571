import { describe, expect, it } from 'vitest';
import { NlshError } from '../../src/errors.js';
import { defaultRuleTable, loadRules, validateRules, type RuleTable } from '../../src/risk/index.js';

const withCommand = (name: string, rule: unknown): RuleTable => ({ ...defaultRuleTable, commands: { ...defaultRuleTable.commands, [name]: rule } }) as RuleTable;

describe('the built-in rules', () => {
  it('pass the schema', () => {
    expect(validateRules(defaultRuleTable)).toEqual([]);
  });

  it('load and compile', () => {
    expect(loadRules().lookup('rm')?.rule.level).toBe('destructive');
  });

  it('resolve name aliases', () => {
    const rules = loadRules();
    expect(rules.lookup('python3.12')?.name).toBe('python');
    expect(rules.lookup('mkfs.ext4')?.name).toBe('mkfs');
    expect(rules.lookup('grm')?.name).toBe('rm');
  });
});

describe('the schema', () => {
  it.each([
    ['a bad level', withCommand('x', { level: 'danger', why: 'w' }), 'commands.x.level: expected one of read_only, writes, network_exec, destructive, privileged, found "danger"'],
    ['a missing why', withCommand('x', { level: 'writes' }), 'commands.x.why: expected a non-empty explanation, found nothing'],
    ['an unknown field', withCommand('x', { level: 'writes', why: 'w', flagz: [] }), 'commands.x.flagz: not a rule field'],
    ['a flag without a dash', withCommand('x', { level: 'writes', why: 'w', flags: [{ flags: ['r'], level: 'writes', why: 'w' }] }), 'commands.x.flags[0].flags[0]: expected an option starting with - or +, found "r"'],
    ['an empty values list', withCommand('x', { level: 'writes', why: 'w', flags: [{ flags: ['-r'], values: [], level: 'writes', why: 'w' }] }), 'commands.x.flags[0].values: an empty list never matches'],
    ['a bad effect', withCommand('x', { level: 'writes', why: 'w', flags: [{ flags: ['-r'], effect: 'lower', level: 'writes', why: 'w' }] }), 'commands.x.flags[0].effect: expected "raise", "set" or "always"'],
    ['a broken regex', withCommand('x', { level: 'writes', why: 'w', args: [{ match: '(', level: 'writes', why: 'w' }] }), 'commands.x.args[0].match:'],
    ['an arg rule with both match and runtime', withCommand('x', { level: 'writes', why: 'w', args: [{ match: 'a', runtime: true, level: 'writes', why: 'w' }] }), 'commands.x.args[0]: give exactly one of match and runtime'],
    ['an unknown analyzer', withCommand('x', { level: 'writes', why: 'w', analyzer: 'magic' }), 'commands.x.analyzer: expected one of'],
    ['the code analyzer without code', withCommand('x', { level: 'writes', why: 'w', analyzer: 'code' }), 'commands.x.code: required by the code analyzer'],
    ['a bad wrapper', withCommand('x', { level: 'writes', why: 'w', wraps: { inner: 'sometimes' } }), 'commands.x.wraps.inner: expected rest, rest-as-shell or option-only'],
    ['a nested subcommand problem', withCommand('x', { level: 'writes', why: 'w', subcommands: { go: { level: 'loud', why: 'w' } } }), 'commands.x.subcommands.go.level'],
    ['a relative system prefix', { ...defaultRuleTable, paths: { ...defaultRuleTable.paths, systemPrefixes: ['etc'] } }, 'paths.systemPrefixes[0]: expected an absolute path'],
    ['a module using a missing command', { ...defaultRuleTable, languages: { ...defaultRuleTable.languages, python: { ...defaultRuleTable.languages.python, modules: { foo: { use: 'nope' } } } } }, 'languages.python.modules.foo.use: expected a command in the table'],
    ['a lower-case SQL keyword', { ...defaultRuleTable, sql: { ...defaultRuleTable.sql, statements: { select: { level: 'read_only', why: 'w' } } } }, 'sql.statements.select: keys are upper case'],
  ])('reports %s with the path of the field', (_what, table, problem) => {
    const problems = validateRules(table);
    expect(problems.some((p) => p.startsWith(problem))).toBe(true);
  });

  it('loadRules refuses an invalid table with a readable error', () => {
    expect(() => loadRules(withCommand('x', { level: 'danger', why: 'w' }))).toThrow(NlshError);
    expect(() => loadRules(withCommand('x', { level: 'danger', why: 'w' }))).toThrow(/commands\.x\.level/);
  });
});
