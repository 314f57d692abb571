import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { awsIntegration, parseAwsConfig } from '../../src/integrations/index.js';
import { ctxWith, roomyBudget, stubBin, tempDir, writeFiles } from './support.js';

const work = tempDir('aws');
const bin = stubBin(work.dir, { aws: { stdout: 'aws-cli/2.15.0' } });
const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
writeFiles(work.dir, {
  'home/.aws/config': [
    '[default]',
    'region = us-east-1',
    'output = json',
    '',
    '[profile prod-admin]',
    'region = eu-west-1',
    'role_arn = arn:aws:iam::123456789012:role/Admin',
    'source_profile = default',
    '',
    '[profile sso-dev]',
    'sso_session = corp',
    'sso_account_id = 210987654321',
    'sso_role_name = Developer',
    '',
    '[sso-session corp]',
    'sso_region = us-west-2',
    'sso_start_url = https://corp.awsapps.com/start',
  ].join('\n'),
  'home/.aws/credentials': `[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = ${secret}\n`,
});
const home = join(work.dir, 'home');
const env = (extra: Record<string, string> = {}) => ({ PATH: bin, HOME: home, ...extra });
const facts = (extra: Record<string, string> = {}) => awsIntegration.context(ctxWith(work.dir, env(extra)), roomyBudget());

describe('aws integration', () => {
  afterAll(() => work.cleanup());

  it('uses the default profile and its region from ~/.aws/config', async () => {
    expect(await facts()).toEqual({ 'aws profile': 'default', 'aws region': 'us-east-1' });
  });

  it('takes the profile from AWS_PROFILE, and the account from its role ARN', async () => {
    expect(await facts({ AWS_PROFILE: 'prod-admin' })).toEqual({ 'aws profile': 'prod-admin (from AWS_PROFILE)', 'aws region': 'eu-west-1', 'aws account': '123456789012' });
  });

  it('prefers AWS_REGION to the config, and reads an SSO account id', async () => {
    expect(await facts({ AWS_PROFILE: 'sso-dev', AWS_REGION: 'ap-south-1' })).toEqual({ 'aws profile': 'sso-dev (from AWS_PROFILE)', 'aws region': 'ap-south-1', 'aws account': '210987654321' });
  });

  it('says when the profile is not in the config file', async () => {
    expect((await facts({ AWS_PROFILE: 'typo' }))['aws profile']).toBe('typo (from AWS_PROFILE) (not in the config file)');
  });

  it('reads $AWS_CONFIG_FILE instead of ~/.aws/config', async () => {
    writeFiles(work.dir, { 'other/config': '[profile ci]\nregion = sa-east-1\n' });
    expect(await facts({ AWS_CONFIG_FILE: join(work.dir, 'other', 'config'), AWS_PROFILE: 'ci' })).toMatchObject({ 'aws region': 'sa-east-1' });
  });

  it('never puts a key or secret in its facts, even with credentials in the file and the environment', async () => {
    const all = await facts({ AWS_ACCESS_KEY_ID: 'AKIAENVEXAMPLE', AWS_SECRET_ACCESS_KEY: 'envsecret', AWS_SESSION_TOKEN: 'envtoken' });
    const text = JSON.stringify(all);
    for (const value of [secret, 'AKIAIOSFODNN7EXAMPLE', 'AKIAENVEXAMPLE', 'envsecret', 'envtoken']) expect(text).not.toContain(value);
    expect(all['aws credentials']).toBe('from environment variables');
  });

  it('never opens the credentials file', async () => {
    const opened: string[] = [];
    const ctx = ctxWith(work.dir, env());
    await awsIntegration.context({ ...ctx, readFile: (p) => (opened.push(p), ctx.readFile(p)) }, roomyBudget());
    expect(opened.some((p) => p.endsWith('credentials'))).toBe(false);
  });

  it('is relevant only with the CLI installed and a config file or AWS_* variables', async () => {
    expect(await awsIntegration.detect(ctxWith(work.dir, env()))).toBe(true);
    expect(await awsIntegration.detect(ctxWith(work.dir, { PATH: join(work.dir, 'none'), HOME: home }))).toBe(false);
    expect(await awsIntegration.detect(ctxWith(work.dir, { PATH: bin, HOME: work.dir }))).toBe(false);
    expect(await awsIntegration.detect(ctxWith(work.dir, { PATH: bin, HOME: work.dir, AWS_REGION: 'eu-west-1' }))).toBe(true);
  });

  it('parses profiles and skips sso-session sections', () => {
    const sections = parseAwsConfig('[profile a]\nregion=x\n[sso-session s]\nregion = y\n[default]\n; comment\nREGION = z\n');
    expect([...sections.keys()]).toEqual(['a', 'default']);
    expect(sections.get('default')?.get('region')).toBe('z');
  });
});
