// The default rules table, assembled from the domain files. docs/risk-rules.md explains every
// field; validate-rules.ts checks the table when it is loaded.

import { cloudRules } from './cloud-rules.js';
import { containerRules } from './container-rules.js';
import { dbRules, mongoPatterns, redisRules, sqlRules } from './db-rules.js';
import { fileRules } from './file-rules.js';
import { gitRules } from './git-rules.js';
import { interpreterRules, languageRules } from './language-rules.js';
import { opaquePatterns } from './opaque-rules.js';
import { networkRules } from './network-rules.js';
import { packageRules } from './package-rules.js';
import { pathRules } from './paths-data.js';
import { readRules } from './read-rules.js';
import type { RuleTable } from './rule-types.js';
import { shellRules } from './shell-rules.js';
import { systemRules } from './system-rules.js';

/** nl-sh's built-in rules. */
export const defaultRuleTable: RuleTable = {
  commands: {
    ...readRules,
    ...fileRules,
    ...shellRules,
    ...gitRules,
    ...containerRules,
    ...cloudRules,
    ...packageRules,
    ...systemRules,
    ...dbRules,
    ...networkRules,
    ...interpreterRules,
  },
  nameAliases: [
    { match: 'python[0-9.]*|pypy3?', name: 'python' },
    { match: 'pip[0-9.]+', name: 'pip' },
    { match: 'node(js)?[0-9]*', name: 'node' },
    { match: 'perl[0-9.]+', name: 'perl' },
    { match: 'ruby[0-9.]+', name: 'ruby' },
    { match: 'php[0-9.]+', name: 'php' },
    { match: 'mkfs\\..+|mkdosfs|mkntfs', name: 'mkfs' },
    { match: 'mke2fs|mkfs', name: 'mkfs' },
    { match: 'g(rm|cp|mv|ln|sed|tar|find|xargs|date|ls|touch|mkdir|dd|shred|truncate|head|tail|cat|sort|du|df|stat|readlink|realpath|chmod|chown|install|awk|grep|split|tee|base64|timeout|nice|nohup|env|stdbuf)', name: '$1' },
    { match: 'sqlite', name: 'sqlite3' },
    { match: 'docker\\.exe|docker-[0-9.]+', name: 'docker' },
    { match: 'vim\\.(basic|tiny|gtk3?|nox)', name: 'vim' },
    { match: 'fdfind', name: 'fd' },
    { match: 'batcat', name: 'bat' },
  ],
  paths: pathRules,
  languages: languageRules,
  sql: sqlRules,
  redis: redisRules,
  mongo: mongoPatterns,
  opaque: opaquePatterns,
  variables: {
    code: ['PROMPT_COMMAND', 'PS0', 'PS1', 'PS2', 'PS4'],
    lookup: ['PATH'],
    inject: ['LD_PRELOAD', 'LD_AUDIT', 'BASH_ENV', 'ENV', 'PERL5OPT', 'PERL5DB', 'RUBYOPT', 'PYTHONSTARTUP'],
    commands: ['GIT_PAGER', 'PAGER', 'MANPAGER', 'SYSTEMD_PAGER', 'BAT_PAGER', 'DELTA_PAGER', 'PSQL_PAGER', 'EDITOR', 'VISUAL', 'GIT_EDITOR', 'GIT_SEQUENCE_EDITOR', 'SUDO_EDITOR', 'GIT_SSH_COMMAND', 'GIT_SSH', 'GIT_EXTERNAL_DIFF', 'GIT_ASKPASS', 'SSH_ASKPASS', 'SUDO_ASKPASS', 'GIT_PROXY_COMMAND', 'LESSOPEN', 'LESSCLOSE', 'BROWSER', 'RSYNC_RSH', 'CVS_RSH', 'FCEDIT', 'MANOPT', 'KUBE_EDITOR', 'KUBECTL_EXTERNAL_DIFF', 'SVN_EDITOR', 'HGEDITOR', 'CC', 'CXX', 'CPP', 'LD', 'AR', 'AS', 'FC', 'F77', 'NM', 'RANLIB', 'STRIP', 'OBJCOPY', 'OBJDUMP', 'YACC', 'LEX', 'MAKE', 'HOSTCC', 'RUSTC', 'RUSTC_WRAPPER', 'CARGO'],
    commandPatterns: ['^GIT_CONFIG_VALUE_[0-9]+$'],
    settings: ['GIT_CONFIG_PARAMETERS'],
    files: ['HISTFILE', 'GIT_TRACE', 'GIT_TRACE_PACKET', 'GIT_TRACE_PERFORMANCE', 'GIT_TRACE_SETUP', 'GIT_TRACE_CURL', 'GIT_TRACE2', 'GIT_TRACE2_EVENT', 'GIT_TRACE2_PERF', 'SSLKEYLOGFILE', 'LESSHISTFILE', 'NODE_REPL_HISTORY', 'PYTHON_HISTORY'],
    clearsHistory: ['HISTSIZE', 'HISTFILESIZE', 'SAVEHIST'],
    loadPath: ['NODE_OPTIONS', 'LD_LIBRARY_PATH', 'GIT_EXEC_PATH', 'GIT_CONFIG_GLOBAL', 'GIT_CONFIG_SYSTEM', 'GIT_CONFIG_PARAMETERS', 'GIT_CONFIG_COUNT', 'GIT_DIR', 'GIT_TEMPLATE_DIR', 'PYTHONPATH', 'PYTHONHOME', 'PYTHONUSERBASE', 'NODE_PATH', 'PERL5LIB', 'PERLLIB', 'RUBYLIB', 'GEM_PATH', 'GEM_HOME', 'LUA_PATH', 'LUA_INIT', 'LUA_CPATH', 'TCLLIBPATH', 'CLASSPATH', 'JAVA_TOOL_OPTIONS', '_JAVA_OPTIONS',
      'HOME', 'XDG_CONFIG_HOME', 'XDG_CONFIG_DIRS', 'ZDOTDIR', 'PSQLRC', 'PGSERVICEFILE', 'MYSQL_HOME', 'CURL_HOME', 'WGETRC', 'INPUTRC', 'SCREENRC', 'VIMINIT', 'EXINIT', 'MYVIMRC', 'GNUPGHOME',
      'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'BOTO_CONFIG', 'KUBECONFIG', 'DOCKER_CONFIG', 'NPM_CONFIG_USERCONFIG', 'npm_config_userconfig', 'PIP_CONFIG_FILE', 'GIT_CONFIG', 'CLOUDSDK_CONFIG', 'AZURE_CONFIG_DIR',
      'OPENSSL_CONF', 'OPENSSL_MODULES', 'OPENSSL_ENGINES', 'AWKLIBPATH', 'PYLINTRC'],
  },
};
