// Where programs take secrets on their command line, as data. Semantics of each field:
// - value: options whose value is a secret, as the next word, `--opt=value`, or glued to a short
//   option (`-kVALUE`);
// - glued: short options whose secret is only ever glued (`mysql -pS3cret`; a bare `-p` prompts);
// - userPass: options whose value is `user<sep>password`; the part after the first separator is
//   secret (no separator: a bare user name, nothing to hide);
// - cookies: options whose value holds `name=value` cookies (a value without `=` is a file name);
// - positional: after the given leading words (subcommands), the positional argument at `index`
//   (0-based, counted after those words) is secret; `last` means the last one; `flag` restricts
//   the rule to command lines where a short-option cluster contains that letter; `named` means the
//   argument before it is a setting name and only secret names count (`aws configure set NAME V`);
//   `requires` restricts the rule to lines with a word starting so (`net use ... /user:X PW`);
// - userSlashPass: the first positional is `user/password@db`.
// Absent fields mean none. Names of other options whose names say secret (`--token`,
// `--client-secret`) are caught by name for every program, so they need no row.

/** One program's secret positions. */
export interface ProgramSecrets {
  value?: readonly string[];
  glued?: readonly string[];
  userPass?: readonly (readonly [string, string])[];
  cookies?: readonly string[];
  positional?: readonly { after: readonly string[]; index: number | 'last'; flag?: string; named?: boolean; requires?: string }[];
  userSlashPass?: boolean;
}

const mysqlFamily: ProgramSecrets = { glued: ['-p'], value: ['--password'] };

/** Programs by name (the basename of the command word). */
export const PROGRAM_SECRETS: Readonly<Record<string, ProgramSecrets>> = {
  mysql: mysqlFamily,
  mysqldump: mysqlFamily,
  mysqlimport: mysqlFamily,
  mysqlcheck: mysqlFamily,
  mariadb: mysqlFamily,
  'mariadb-dump': mysqlFamily,
  mysqladmin: { ...mysqlFamily, positional: [{ after: ['password'], index: 0 }] },
  docker: { value: ['-p', '--password'] },
  podman: { value: ['-p', '--password'] },
  nerdctl: { value: ['-p', '--password'] },
  buildah: { value: ['-p', '--password'] },
  skopeo: { value: ['-p', '--password', '--creds'] },
  helm: { value: ['-p', '--password'] },
  sshpass: { value: ['-p'] },
  az: { value: ['-p', '--password'] },
  'redis-cli': { value: ['-a', '--pass', '--user-pass'] },
  openssl: { value: ['-k', '-K', '-passin', '-passout', '-pass', '-password', '-kfile'] },
  'ssh-keygen': { value: ['-N', '-P'] },
  curl: { userPass: [['-u', ':'], ['--user', ':'], ['-U', ':'], ['--proxy-user', ':']], cookies: ['-b', '--cookie'] },
  wget: { value: ['--password', '--http-password', '--ftp-password', '--proxy-password'] },
  htpasswd: { positional: [{ after: [], index: 'last', flag: 'b' }] },
  gpg: { value: ['--passphrase'] },
  gpg2: { value: ['--passphrase'] },
  vault: { positional: [{ after: ['login'], index: 0 }] },
  aws: { positional: [{ after: ['configure', 'set'], index: 1, named: true }] },
  sqlcmd: { value: ['-P'] },
  bcp: { value: ['-P'] },
  '7z': { glued: ['-p'] },
  '7za': { glued: ['-p'] },
  zip: { value: ['-P', '--password'] },
  unzip: { value: ['-P'] },
  keytool: { value: ['-storepass', '-keypass', '-srcstorepass', '-deststorepass', '-srckeypass', '-destkeypass'] },
  ldapsearch: { value: ['-w'] },
  ldapadd: { value: ['-w'] },
  ldapmodify: { value: ['-w'] },
  ldapdelete: { value: ['-w'] },
  ldapwhoami: { value: ['-w'] },
  ldappasswd: { value: ['-w', '-s'] },
  smbclient: { userPass: [['-U', '%'], ['--user', '%']] },
  rpcclient: { userPass: [['-U', '%'], ['--user', '%']] },
  lftp: { userPass: [['-u', ',']] },
  sqlplus: { userSlashPass: true },
  twine: { value: ['-p', '--password'] },
  doctl: { value: ['-t', '--access-token'] },
  rabbitmqctl: { positional: [{ after: ['add_user'], index: 1 }, { after: ['change_password'], index: 1 }] },
  net: { positional: [{ after: ['use'], index: 'last', requires: '/user:' }] },
  npm: { positional: [{ after: ['config', 'set'], index: 1, named: true }] },
  pnpm: { positional: [{ after: ['config', 'set'], index: 1, named: true }] },
  yarn: { positional: [{ after: ['config', 'set'], index: 1, named: true }] },
  git: { positional: [{ after: ['config'], index: 1, named: true }] },
  chpasswd: {},
  psql: { value: ['--password'] },
  mongo: { value: ['-p', '--password'] },
  mongosh: { value: ['-p', '--password'] },
  mongodump: { value: ['-p', '--password'] },
  mongorestore: { value: ['-p', '--password'] },
  rsync: { value: ['--password'] },
  pg_dump: {},
};

/** Options of a later pipeline stage that read a secret from the stage before (`echo pw | docker login --password-stdin`). */
export const STDIN_SECRET_OPTIONS: readonly string[] = ['--password-stdin', '--passphrase-fd', '--pass-stdin', '--stdin-password', '--password-from-stdin'];

/** Programs that read secrets from standard input whatever their options. */
export const STDIN_SECRET_PROGRAMS: readonly string[] = ['chpasswd', 'passwd', 'htpasswd', 'sshpass'];

/** Programs that print their arguments (whose output a secret reader would consume). */
export const PRINTERS: readonly string[] = ['echo', 'printf'];

/** Wrappers whose next word is the real command. */
export const WRAPPERS: readonly string[] = ['sudo', 'doas', 'env', 'nohup', 'time', 'exec', 'command', 'nice', 'ionice', 'timeout', 'xargs', 'builtin'];
