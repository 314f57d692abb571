// Secrets known by their shape wherever they appear: vendor token prefixes, key blocks, webhook
// paths. Data: one row per format, most specific first.

/** [pattern, kind] rows; every pattern is global. */
export const TOKEN_FORMATS: readonly (readonly [RegExp, string])[] = [
  [/-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/g, 'private key'],
  [/(?<![A-Za-z0-9])(?:AKIA|ASIA|AIDA|AROA|ANPA|ANVA|AGPA)[A-Z0-9]{16}(?![A-Za-z0-9])/g, 'AWS access key id'],
  [/(?<![A-Za-z0-9])IQoJb3JpZ2lu[A-Za-z0-9+/=]{40,}/g, 'AWS session token'],
  [/(?<![A-Za-z0-9])gh[pousr]_[A-Za-z0-9]{30,}(?![A-Za-z0-9])/g, 'GitHub token'],
  [/(?<![A-Za-z0-9])github_pat_[A-Za-z0-9_]{40,}(?![A-Za-z0-9])/g, 'GitHub token'],
  [/(?<![A-Za-z0-9])gl[a-z]{2,5}-[A-Za-z0-9_-]{20,}(?![A-Za-z0-9])/g, 'GitLab token'],
  [/(?<![A-Za-z0-9])sk-(?:proj-|ant-(?:api\d{2}-)?)?[A-Za-z0-9_-]{20,}/g, 'API key'],
  [/(?<![A-Za-z0-9])xox[abposre]-[A-Za-z0-9-]{10,}/g, 'Slack token'],
  [/(?<![A-Za-z0-9])xapp-\d-[A-Za-z0-9-]{10,}/g, 'Slack token'],
  [/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9/_-]+/g, 'Slack webhook'],
  [/discord(?:app)?\.com\/api\/webhooks\/\d+\/[A-Za-z0-9_-]+/g, 'Discord webhook'],
  [/(?<![A-Za-z0-9])[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}(?![A-Za-z0-9])/g, 'Discord token'],
  [/(?<!\d)\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9])/g, 'Telegram token'],
  [/(?<![A-Za-z0-9])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9])/g, 'Google API key'],
  [/(?<![A-Za-z0-9])(?:sk|rk|pk)_(?:live|test)_[A-Za-z0-9]{20,}/g, 'Stripe key'],
  [/(?<![A-Za-z0-9])whsec_[A-Za-z0-9+/=]{20,}/g, 'webhook secret'],
  [/(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, 'SendGrid key'],
  [/(?<![A-Za-z0-9])shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/g, 'Shopify token'],
  [/(?<![A-Za-z0-9])pypi-AgE[A-Za-z0-9_-]{40,}/g, 'PyPI token'],
  [/(?<![A-Za-z0-9])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/g, 'DigitalOcean token'],
  [/(?<![A-Za-z0-9])hv[sbr]\.[A-Za-z0-9_-]{20,}/g, 'Vault token'],
  [/(?<![A-Za-z0-9])dckr_pat_[A-Za-z0-9_-]{20,}/g, 'Docker token'],
  [/(?<![A-Za-z0-9])hf_[A-Za-z0-9]{30,}(?![A-Za-z0-9])/g, 'Hugging Face token'],
  [/(?<![A-Za-z0-9])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/g, 'npm token'],
  [/(?<![A-Za-z0-9])eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g, 'JWT'],
];
