import { describe, expect, it } from 'vitest';
import { messages } from '../src/messages.js';

const stopped = { noTier: true, message: 'no model tier could answer: small: unavailable (Ollama is not running at http://127.0.0.1:1; start it with `ollama serve`)' };
const fresh = { configured: false, answeredBefore: false, setupExplained: false };

describe('model failure messages', () => {
  it('a configured tier that stopped is named with its cause and what to do, never the setup help', () => {
    const text = messages.modelFailed(stopped, { ...fresh, configured: true });
    expect(text).toMatch(/^nl-sh: no model tier could answer: small: unavailable \(Ollama is not running .*ollama serve.*\)\. The line did not run; `nl-sh --doctor` checks each tier\.$/);
    expect(text).not.toMatch(/install Ollama|no model is set up|--model pull/i);
  });
  it('a default tier that answered earlier and stopped is not a missing setup either', () => {
    expect(messages.modelFailed(stopped, { ...fresh, answeredBefore: true })).not.toMatch(/install Ollama|no model is set up|--model pull/i);
  });
  it('nothing set up: the setup help once, then the cause each time, never "see above"', () => {
    expect(messages.modelFailed(stopped, fresh)).toMatch(/^nl-sh: no model is set up, so the line did not run\. Run `nl-sh --model pull`.*install Ollama/);
    const again = messages.modelFailed(stopped, { ...fresh, setupExplained: true });
    expect(again).toContain('Ollama is not running');
    expect(again).not.toMatch(/see above|install Ollama|--model pull/i);
  });
  it('a tier that answered badly is reported with the line not run', () => {
    expect(messages.modelFailed({ noTier: false, message: 'no model tier could answer: small: invalid (not JSON)' }, fresh)).toMatch(/small: invalid .*The line did not run/);
  });
});

describe('record failures say what to do from the cause', () => {
  it.each([
    ['no space left on device', /free some space/],
    ['permission denied', /owner and permissions/],
    ['read-only file system', /not recorded$/],
  ])('%s', (cause, want) => expect(messages.cannotRecord('request history', '/h/history.jsonl', cause)).toMatch(want));
});
