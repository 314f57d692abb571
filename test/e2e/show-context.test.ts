// `nl-sh --suggest REQUEST --show-context` through the real launcher: it prints what each tier
// would be sent, asking no model, and what it prints for the cloud tier is what then arrives on
// the wire (a local server speaking Bedrock's protocol, driven by the real AWS SDK). And
// NLSH_RECORD recordings hold no secret from the context.

import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeHome, shellEnv } from '../support/fixtures.js';
import { runNlsh, type NlshRun } from '../support/run-nlsh.js';
import { startFakeBedrockServer, type FakeBedrockServer } from '../support/fake-bedrock-server.js';
import { startFakeOllama, type FakeOllamaServer } from '../support/fake-ollama-server.js';

let bedrock: FakeBedrockServer | undefined;
let ollama: FakeOllamaServer | undefined;
let home: ReturnType<typeof makeHome> | undefined;
afterEach(async () => {
  await bedrock?.close();
  await ollama?.close();
  home?.cleanup();
});

const github = 'ghp_abcdefghijklmnopqrstuvwxyz0123456789';
const envToken = 'zz-env-secret-9f8e7d6c5b4a';
const history = `HISTORY-MARKER-ls\ngit push https://${github}@github.com/me/repo\ncurl -H "X-Key: ${envToken}" https://api.example.com\n`;
const plan = { command: 'ls -la', explanation: 'x', parts: [], assumptions: [], needs_network: false, needs_root: false, confidence: 0.9 };

const run = (args: string[], env: Record<string, string>): Promise<NlshRun> => runNlsh(args, { cwd: home!.home, env });

// The local tier's model is missing: a plan it sends back does not parse, a question it is asked fails.
async function twoTiers() {
  bedrock = await startFakeBedrockServer({ behaviours: [{ kind: 'tool-use', name: 'plan', input: plan }] });
  ollama = await startFakeOllama({ script: { models: [], chat: [], fallback: { kind: 'model-missing' } } });
  home = makeHome({
    '.bash_history': history,
    '.config/nl-sh/config.toml': `privacy = "cloud-allowed"\n[[tiers]]\nname = "local"\nbackend = "ollama"\nmodel = "m"\nhost = "${ollama.url}"\n[[tiers]]\nname = "cloud"\nbackend = "bedrock"\nmodel = "anthropic.claude-test"\nregion = "us-east-1"\nendpoint = "${bedrock.url}"\n`,
  });
  return shellEnv(home.home, { MY_SERVICE_TOKEN: envToken, AWS_ACCESS_KEY_ID: 'AKIDFAKEFORTESTS0000', AWS_SECRET_ACCESS_KEY: 'fake/secret/for/tests', AWS_REGION: 'us-east-1' });
}

describe('nl-sh --suggest --show-context', () => {
  it('prints each tier\'s system prompt and messages, history only for the local tier, and asks no model', async () => {
    const env = await twoTiers();
    const r = await run(['--suggest', 'find large files', '--show-context'], env);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const [local, cloud] = r.stdout.split(/^(?==== tier )/m);
    expect(local).toMatch(/^=== tier "local" \(local\): the context as gathered/);
    expect(local).toContain('--- system ---\nYou translate');
    expect(local).toContain('HISTORY-MARKER-ls');
    expect(cloud).toMatch(/^=== tier "cloud" \(cloud\): the context this request needs, redacted/);
    expect(cloud).toContain('Request from the user:\nfind large files');
    expect(cloud).not.toContain('HISTORY-MARKER-ls');
    expect(bedrock!.requests).toHaveLength(0);
    expect(ollama!.requests.filter((q) => q.path === '/api/chat')).toHaveLength(0);
  });

  it('what it shows for the cloud tier is what the cloud tier then receives, redacted', async () => {
    const env = await twoTiers();
    const shown = await run(['--suggest', '--show-context', '--json', 'run the last command again'], env);
    const previews = JSON.parse(shown.stdout) as { tier: string; system: string; messages: { content: string }[] }[];
    const cloud = previews.find((p) => p.tier === 'cloud')!;
    expect(cloud.messages[0]!.content).toContain('HISTORY-MARKER-ls');
    for (const secret of [github, envToken]) expect(JSON.stringify(cloud)).not.toContain(secret);
    const r = await run(['--suggest', 'run the last command again'], env);
    expect(JSON.parse(r.stdout)).toMatchObject({ tier: 'cloud' });
    const wire = bedrock!.requests.map((q) => q.rawBody).join('\n');
    // The tool context is gathered within a time budget each run: on a loaded machine one of the
    // two runs can leave it out. Everything else must be the same, byte for byte.
    const sent = JSON.parse(bedrock!.requests.at(-1)!.rawBody) as { messages: { content: { text: string }[] }[] };
    const withoutTools = (t: string): string => t.replace(/<<tool context>>\n[\s\S]*?<<\/tool context>>\n/, '');
    expect(withoutTools(sent.messages[0]!.content[0]!.text)).toBe(withoutTools(cloud.messages[0]!.content));
    expect(wire).toContain(JSON.stringify(cloud.system).slice(1, -1));
    for (const secret of [github, envToken]) expect(wire).not.toContain(secret);
  });
});

describe('nl-sh --ask --show-context', () => {
  it('shows the question prompt each tier would get, and the cloud tier then receives exactly that, redacted', async () => {
    const env = await twoTiers();
    bedrock!.reset();
    bedrock!.script({ kind: 'text', text: 'It lists files.', pieces: ['It lists ', 'files.'] });
    const shown = await run(['--ask', '--show-context', '--json', 'what does the last command I ran do'], env);
    expect(shown.stderr).toBe('');
    const previews = JSON.parse(shown.stdout) as { tier: string; system: string; messages: { content: string }[] }[];
    const cloud = previews.find((p) => p.tier === 'cloud')!;
    expect(cloud.system).toMatch(/^You answer/);
    expect(cloud.messages[0]!.content).toContain('HISTORY-MARKER-ls');
    for (const secret of [github, envToken]) expect(JSON.stringify(previews.filter((p) => p.tier === 'cloud'))).not.toContain(secret);
    expect(bedrock!.requests).toHaveLength(0);
    const r = await run(['--ask', 'what does the last command I ran do'], env);
    expect(r.stdout).toContain('It lists files.');
    const sent = JSON.parse(bedrock!.requests.at(-1)!.rawBody) as { system: { text: string }[]; messages: { content: { text: string }[] }[] };
    const withoutTools = (t: string): string => t.replace(/<<tool context>>\n[\s\S]*?<<\/tool context>>\n/, '');
    expect(withoutTools(sent.messages[0]!.content[0]!.text)).toBe(withoutTools(cloud.messages[0]!.content));
    expect(sent.system[0]!.text).toBe(cloud.system);
    const wire = bedrock!.requests.map((q) => q.rawBody).join('\n');
    for (const secret of [github, envToken]) expect(wire).not.toContain(secret);
  });
});

describe('NLSH_RECORD', () => {
  it('a secret in the context does not land in the recording, and its first line says it is redacted', async () => {
    ollama = await startFakeOllama({ script: { models: ['m:latest'], chat: [{ kind: 'reply', json: plan }] } });
    home = makeHome({ '.bash_history': history, '.config/nl-sh/config.toml': `[[tiers]]\nname = "local"\nbackend = "ollama"\nmodel = "m"\nhost = "${ollama.url}"\n` });
    const recording = join(home.home, 'session.jsonl');
    const r = await run(['--suggest', 'run the last command again'], shellEnv(home.home, { MY_SERVICE_TOKEN: envToken, NLSH_RECORD: recording }));
    expect(JSON.parse(r.stdout)).toMatchObject({ command: 'ls -la', tier: 'local' });
    const sentLocally = JSON.stringify(ollama.requests.filter((q) => q.path === '/api/chat').map((q) => q.body));
    expect(sentLocally).toContain(github);
    const text = readFileSync(recording, 'utf8');
    expect(text).toContain('HISTORY-MARKER-ls');
    expect(text).not.toContain(github);
    expect(text).not.toContain(envToken);
    expect(JSON.parse(text.split('\n')[0]!)).toMatchObject({ kind: 'header', note: expect.stringMatching(/redacted/) });
  });
});
