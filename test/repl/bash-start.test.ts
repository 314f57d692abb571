import { describe, expect, it } from 'vitest';
import { planBashStart, type BashStartFlags } from '../../src/repl/bash-start.js';

const base: BashStartFlags = { login: false, norc: false, noprofile: false, rcfile: undefined };
const tramp = ['--posix', '-c', 'exec -a "$0" "$@"'];

describe('planBashStart', () => {
  it('a plain interactive shell reads the integration as --rcfile, $0 bash', () => {
    expect(planBashStart('/bin/bash', 'I', [], base, {})).toEqual({ file: '/bin/bash', args: [...tramp, 'bash', '/bin/bash', '--rcfile', 'I', '-i'], env: {} });
  });
  it('--rcfile F is read by the integration (bash still reads its system rc first)', () => {
    expect(planBashStart('/bin/bash', 'I', [], { ...base, rcfile: 'F' }, {}).env).toEqual({ __NLSH_RCFILE: 'F' });
  });
  it('-l is a real login shell reached through $ENV in POSIX mode; $0 stays bash', () => {
    const s = planBashStart('/bin/bash', 'I', ['-o', 'vi'], { ...base, login: true }, { HISTFILE: '/h' });
    expect(s.args).toEqual([...tramp, 'bash', '/bin/bash', '--posix', '-l', '-i', '-o', 'vi']);
    expect(s.env).toEqual({ ENV: '$__NLSH_RC', __NLSH_RC: 'I', __NLSH_VIA_ENV: '1', __NLSH_LOGIN: '1', __NLSH_MAILCHECK: '1' });
  });
  it("argv[0] '-nl-sh' gives bash argv[0] '-bash'", () => {
    expect(planBashStart('/bin/bash', 'I', [], { ...base, login: true, dashArgv0: true }, {}).args.slice(3, 7)).toEqual(['-bash', '/bin/bash', '--posix', '-i']);
  });
  it('--norc reads nothing; the user ENV is kept for restoring; long flags go first', () => {
    const s = planBashStart('/bin/bash', 'I', ['-x', '--noediting'], { ...base, norc: true }, { ENV: 'e' });
    expect(s.args).toEqual([...tramp, 'bash', '/bin/bash', '--noediting', '--posix', '-i', '-x']);
    expect(s.env.__NLSH_ENV).toBe('e');
  });
});
