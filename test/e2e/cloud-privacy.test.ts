// What leaves the machine for a cloud tier, checked on the wire: nl-sh --suggest escalates from
// an absent local model to a Bedrock endpoint (a local server speaking Bedrock's protocol,
// driven by the real AWS SDK), and the request it receives has every secret redacted.

import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { makeHome, nlshBin, shellEnv } from '../support/fixtures.js';
import { runNlsh, type NlshRun } from '../support/run-nlsh.js';
import { startFakeBedrockServer, type FakeBedrockServer } from '../support/fake-bedrock-server.js';

let server: FakeBedrockServer | undefined;
let home: ReturnType<typeof makeHome> | undefined;
afterEach(async () => {
  await server?.close();
  home?.cleanup();
});

const secrets = {
  github: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789',
  envToken: 'zz-env-secret-9f8e7d6c5b4a',
  dbPassword: 'hunter2-db-pass',
  awsKeyInHistory: 'AKIAIOSFODNN7EXAMPLE',
};

const run = (args: string[], env: Record<string, string>): Promise<NlshRun> => runNlsh(args, { cwd: home!.home, env });

describe('a cloud tier', () => {
  it('receives the request and context with every secret redacted', async () => {
    server = await startFakeBedrockServer({
      behaviours: [{ kind: 'tool-use', name: 'plan', input: { command: 'psql "$DATABASE_URL" -c "select 1"', explanation: 'x', parts: [], assumptions: [], needs_network: true, needs_root: false, confidence: 0.9 } }],
    });
    home = makeHome({
      '.bash_history': `ls\ngit push https://${secrets.github}@github.com/me/repo\nexport AWS_ACCESS_KEY_ID=${secrets.awsKeyInHistory}\n`,
      '.config/nl-sh/config.toml': `privacy = "cloud-allowed"\n[[tiers]]\nname = "local"\nbackend = "ollama"\nmodel = "m"\n[[tiers]]\nname = "cloud"\nbackend = "bedrock"\nmodel = "anthropic.claude-test"\nregion = "us-east-1"\nendpoint = "${server.url}"\n`,
    });
    const env = shellEnv(home.home, { MY_SERVICE_TOKEN: secrets.envToken, AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000', AWS_SECRET_ACCESS_KEY: 'fake/secret/for/tests', AWS_REGION: 'us-east-1' });
    const r = await run(['--suggest', `connect to postgres://admin:${secrets.dbPassword}@db:5432/app using ${secrets.envToken} and run select 1`], env);
    // One line: the local tier that could not be asked (its Ollama is not running), no secret in it.
    expect(r.stderr).toMatch(/^nl-sh: tier local could not answer \(Ollama is not running[^\n]*; cloud answered instead\.[^\n]*\n$/);
    for (const secret of Object.values(secrets)) expect(r.stderr).not.toContain(secret);
    expect(JSON.parse(r.stdout)).toMatchObject({ tier: 'cloud', attempts: [{ tier: 'local', outcome: 'unavailable' }, { tier: 'cloud', outcome: 'ok' }] });
    const wire = server.requests.map((q) => q.rawBody).join('\n');
    expect(wire).toContain('run select 1');
    expect(wire).toContain('[REDACTED');
    for (const secret of Object.values(secrets)) expect(wire).not.toContain(secret);
    expect(server.requests[0]!.signature).toMatchObject({ scheme: 'sigv4', region: 'us-east-1' });
  });

  it('an interrupted cloud stream stops at once (Ctrl-C on --ask)', async () => {
    server = await startFakeBedrockServer({ behaviours: [{ kind: 'hang-mid-stream', pieces: ['Thinking about '] }] });
    home = makeHome({ '.config/nl-sh/config.toml': `privacy = "cloud-allowed"\n[[tiers]]\nname = "cloud"\nbackend = "bedrock"\nmodel = "m"\nregion = "us-east-1"\nendpoint = "${server.url}"\n` });
    const env = shellEnv(home.home, { AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000', AWS_SECRET_ACCESS_KEY: 'fake/secret/for/tests', AWS_REGION: 'us-east-1' });
    const child = spawn(nlshBin, ['--ask', 'why'], { cwd: home.home, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => ((out += d.toString()), out.includes('Thinking') && resolve())));
    const sent = performance.now();
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    expect(performance.now() - sent).toBeLessThan(1000);
    expect(status).toBe(130);
    const closed = await server.whenClosed(server.requests[0]);
    expect(closed.early).toBe(true);
  });
});
