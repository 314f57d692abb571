// Secrets known by their shape wherever they appear: vendor token prefixes, key blocks, webhook
// paths. Data: one row per format, most specific first. A row's literals are substrings of which
// every match contains at least one (a text with none of them cannot match: the pattern is skipped,
// which keeps the pass fast); a row without literals always runs.

/** One format: a global pattern, the kind named in the mark, and its required literals (any one). */
export type TokenFormat = readonly [pattern: RegExp, kind: string, literals?: readonly string[]];

/** The formats, most specific first. */
export const TOKEN_FORMATS: readonly TokenFormat[] = [
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g, 'private key', ['PRIVATE KEY']],
  [/(?<![A-Za-z0-9])(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, 'AWS access key id', ['AKIA', 'ASIA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'AGPA']],
  [/(?<![A-Za-z0-9])IQoJb3JpZ2lu[A-Za-z0-9+/=]{40,}/g, 'AWS session token', ['IQoJb3JpZ2lu']],
  [/(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{30,}(?![A-Za-z0-9])/g, 'GitHub token', ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_']],
  [/(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{40,}(?![A-Za-z0-9])/g, 'GitHub token', ['github_pat_']],
  [/(?<![A-Za-z0-9])gl[a-z]{2,5}-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9])/g, 'GitLab token', ['gl']],
  [/(?<![A-Za-z0-9])sk-(?:proj-|ant-(?:api\d{2}-)?)?[A-Za-z0-9_-]{20,}/g, 'API key', ['sk-']],
  [/(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,}/g, 'Slack token', ['xox']],
  [/(?<![A-Za-z0-9])xapp-\d-[A-Za-z0-9-]{10,}/g, 'Slack token', ['xapp-']],
  [/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g, 'Slack webhook', ['hooks.slack.com/']],
  [/discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]+/g, 'Discord webhook', ['discord']],
  [/(?<![A-Za-z0-9])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}(?![A-Za-z0-9])/g, 'Discord token'],
  [/(?<!\d)\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9])/g, 'Telegram token', [':AA']],
  [/(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9])/g, 'Google API key', ['AIza']],
  [/(?<![A-Za-z0-9])(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{20,}/g, 'Stripe key', ['_live_', '_test_']],
  [/(?<![A-Za-z0-9])whsec_[A-Za-z0-9+/=]{20,}/g, 'webhook secret', ['whsec_']],
  [/(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, 'SendGrid key', ['SG.']],
  [/(?<![A-Za-z0-9])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/g, 'Shopify token', ['shp']],
  [/(?<![A-Za-z0-9])pypi-AgE[A-Za-z0-9_-]{40,}/g, 'PyPI token', ['pypi-AgE']],
  [/(?<![A-Za-z0-9])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/g, 'DigitalOcean token', ['_v1_']],
  [/(?<![A-Za-z0-9])hv[sbr]\.[A-Za-z0-9_-]{20,}/g, 'Vault token', ['hvs.', 'hvb.', 'hvr.']],
  [/(?<![A-Za-z0-9])dckr_pat_[A-Za-z0-9_-]{20,}/g, 'Docker token', ['dckr_pat_']],
  [/(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,}(?![A-Za-z0-9])/g, 'Hugging Face token', ['hf_']],
  [/(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, 'npm token', ['npm_']],
  [/(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, 'JWT', ['.eyJ']],
];
