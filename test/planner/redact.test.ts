import { describe, expect, it } from 'vitest';
import { redactSecrets, secretEnvValues } from '../../src/planner/redact.js';

describe('redactSecrets', () => {
  it.each([
    ['AWS key id', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'AKIAIOSFODNN7EXAMPLE'],
    ['AWS secret in KEY=value', 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI'],
    ['GitHub token', 'git push https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/x', 'ghp_abcdef'],
    ['fine-grained GitHub token', 'token github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJ', 'github_pat_11'],
    ['OpenAI-style key', 'export OPENAI_API_KEY="sk-proj-abcdefghijklmnopqrstuv1234567890"', 'sk-proj-abc'],
    ['Anthropic-style key', 'key sk-ant-api03-abcdefghijklmnopqrstuvwxyz012345', 'sk-ant-api03'],
    ['Slack token', 'curl -H "Authorization: Bearer xoxb-1234567890-abcdefghij"', 'xoxb-1234567890'],
    ['JWT', 'cookie eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'eyJzdWIi'],
    ['private key block', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1'],
    ['password in a URL', 'psql postgres://admin:hunter2secret@db.internal:5432/app', 'hunter2secret'],
    ['password flag', 'mysql --password=s3cr3tpass -u root', 's3cr3tpass'],
    ['DB_PASSWORD in .env', 'DB_PASSWORD: correct-horse-battery', 'correct-horse'],
    ['bearer token', 'Authorization: Bearer abcdef0123456789abcdef', 'abcdef0123456789'],
    // Found end to end: a plugin fact whose name has a suffix between the secret word and the colon.
    ['a fact named "… token #6"', 'leak0 kube user token #6: qFWGwyvzQfn5AHM3KPym3l3GgRXlYi50f9bxRptsq64Zk3Mq', 'qFWGwyvzQfn5'],
    ['a fact named "… pass (prod)"', 'ansible vault pass (prod): Summer@10VrV', 'Summer@10VrV'],
    ['a fact named "… password for db1"', 'vault password for db1: Tiger*77qPx', 'Tiger*77qPx'],
    // A YAML value of several words is one value: all of it goes.
    ['a passphrase of words in YAML', 'db:\n  password: correct horse battery staple  # from the vault', 'battery staple'],
    ['a passphrase of words in a YAML list item', '- passphrase: purple monkey dishwasher', 'monkey dishwasher'],
  ])('%s is redacted', (_kind, input, secret) => {
    const out = redactSecrets(input);
    expect(out).not.toContain(secret);
    expect(out).toContain('[REDACTED');
  });

  it.each([
    'ls -la ~/projects',
    'git log --oneline -n 5',
    'find . -name "*.log" -mtime +7',
    'export PATH=$HOME/bin:$PATH',
    'kubectl get pods -n prod',
    'the tokenizer failed on line 3',
    'constructor --password-file /etc/x',
    'toString -p 5432 hasOwnProperty',
    // Brackets the line opened around a pair stay; only the value goes (checked below).
    'aws credentials: from environment variables',
    'password: $DB_PASSWORD',
  ])('%s is left alone', (input) => {
    expect(redactSecrets(input)).toBe(input);
  });

  // A closing bracket the line never opened belongs to the password: none of it is left.
  it.each(['DB_PASSWORD=Sup3r(secret)', 'export API_SECRET=k9Lm2]}', 'PGPASSWORD=x7Qz9>>'])('%s loses all of its value', (input) => {
    expect(redactSecrets(input)).toMatch(/=\[REDACTED[^\]]*\]$/);
  });

  it.each([
    ['connect(password=Hunter2x9)', 'connect(password=[REDACTED'],
    ['{"pw": x, auth: {pw: Tr0ub4dor&3}}', '}}'],
    ['password: "two words" # quoted', '# quoted'],
  ])('%s keeps the text around the value', (input, kept) => {
    const out = redactSecrets(input);
    expect(out).toContain(kept);
    expect(out).toMatch(/\)$|\}\}$|# quoted$/);
  });

  it('redacts the values of secret-named environment variables wherever they appear', () => {
    const env = { MY_SERVICE_TOKEN: 'zz-9f8e7d6c5b4a', HOME: '/home/u', EDITOR: 'vim' };
    const values = secretEnvValues(env);
    expect(values).toEqual(['zz-9f8e7d6c5b4a']);
    expect(redactSecrets('curl -H "X: zz-9f8e7d6c5b4a" https://x', values)).not.toContain('zz-9f8e7d6c5b4a');
  });
});
