// The redactor's public face (the rules live in redact/): callers import from here.

export { redactSecrets, secretEnvValues } from './redact/index.js';
