// aws: the profile, its region and, when the config names it, the account. Read from the
// environment and the config file (~/.aws/config or $AWS_CONFIG_FILE) only. The credentials
// file is never opened and no key, token or secret is ever a fact.

import { join } from 'node:path';
import type { Integration, IntegrationCtx } from './contract.js';

/** `[profile x]` / `[default]` sections of an AWS config file, keys lower-cased. */
export function parseAwsConfig(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[\s*(?:profile\s+)?([^\]]+?)\s*\]$/.exec(line);
    if (header) {
      const name = header[1] ?? '';
      current = line.startsWith('[sso-session') || line.startsWith('[services') ? undefined : (sections.get(name) ?? new Map());
      if (current) sections.set(name, current);
      continue;
    }
    const pair = /^([A-Za-z0-9_]+)\s*=\s*(.*)$/.exec(line);
    if (current && pair?.[1]) current.set(pair[1].toLowerCase(), (pair[2] ?? '').trim());
  }
  return sections;
}

const configPath = (ctx: IntegrationCtx): string => ctx.env.AWS_CONFIG_FILE || join(ctx.env.HOME ?? '/', '.aws', 'config');
const envProfile = (ctx: IntegrationCtx): string | undefined => ctx.env.AWS_PROFILE || ctx.env.AWS_DEFAULT_PROFILE || undefined;
const envRegion = (ctx: IntegrationCtx): string | undefined => ctx.env.AWS_REGION || ctx.env.AWS_DEFAULT_REGION || undefined;

// Only identifiers, never values that could be secret: an account id from a role ARN or SSO.
function accountOf(section: Map<string, string> | undefined): string | undefined {
  const sso = section?.get('sso_account_id');
  if (sso && /^\d{12}$/.test(sso)) return sso;
  return /^arn:aws[\w-]*:iam::(\d{12}):/.exec(section?.get('role_arn') ?? '')?.[1];
}

async function awsContext(ctx: IntegrationCtx): Promise<Record<string, string>> {
  const sections = parseAwsConfig((await ctx.readFile(configPath(ctx))) ?? '');
  const fromEnv = envProfile(ctx);
  const profile = fromEnv ?? 'default';
  const section = sections.get(profile);
  const facts: Record<string, string> = {};
  facts['aws profile'] = `${profile}${fromEnv ? ' (from AWS_PROFILE)' : ''}${section ? '' : ' (not in the config file)'}`;
  const region = envRegion(ctx) ?? section?.get('region');
  if (region) facts['aws region'] = region;
  const account = accountOf(section);
  if (account) facts['aws account'] = account;
  if (ctx.env.AWS_ACCESS_KEY_ID) facts['aws credentials'] = 'from environment variables';
  return facts;
}

/** aws, when the CLI is installed and a config file or AWS_* variables exist. */
export const awsIntegration: Integration = {
  name: 'aws',
  programs: ['aws', 'sam', 'cdk', 'eksctl'],
  async detect(ctx) {
    if ((await ctx.which('aws')) === undefined) return false;
    return envProfile(ctx) !== undefined || envRegion(ctx) !== undefined || (await ctx.exists(configPath(ctx)));
  },
  context: awsContext,
  onCommandDone: ({ words }) => (words[0] === 'aws' && (words[1] === 'configure' || words[1] === 'sso') ? 'stale' : 'unchanged'),
};
