// Database clients and how their statements are judged: SQL by first keyword, psql and sqlite
// meta-commands by name, Redis by command, MongoDB by patterns.

import type { CodePattern, CommandRule, RedisRules, SqlRules } from './rule-types.js';

const client = (code: CommandRule['code'], withValue: string[], extra: Partial<CommandRule> = {}): CommandRule => ({
  level: 'read_only',
  why: 'runs database statements',
  analyzer: 'code',
  code,
  options: { withValue },
  ...extra,
});

// mysql and mariadb: `--init-command` is SQL run on connecting; `--tee` appends the session to a
// file; `--pager=CMD` pipes results through a shell command; plugins are code nl-sh cannot see.
const mysqlClient = client({ language: 'sql', options: ['-e', '--execute', '--init-command', '--init-command-add'] }, [], {
  options: { withValue: ['-e', '--execute', '--init-command', '--init-command-add', '--tee', '--plugin-dir', '--default-auth', '-u', '--user', '-h', '--host', '-P', '--port', '-D', '--database', '-S', '--socket', '--defaults-file', '--defaults-extra-file', '--login-path'], attachedOnly: ['-p'] },
  flags: [
    { flags: ['--tee'], level: 'writes', why: 'appends the session to a file' },
    { flags: ['--pager'], valueMatch: '^', runs: true, fedOutput: true, effect: 'always', level: 'read_only', why: 'pipes the results through this command' },
    { flags: ['--plugin-dir', '--default-auth'], level: 'writes', why: 'loads client plugins, code nl-sh cannot see' },
  ],
  targets: { options: ['--tee'], onExisting: { level: 'destructive', why: 'mysql appends the session to it' } },
});

/** Database clients. */
export const dbRules: Record<string, CommandRule> = {
  psql: client({ language: 'sql', options: ['-c', '--command'], fileOptions: ['-f', '--file'] }, ['-c', '--command', '-f', '--file', '-d', '--dbname', '-h', '--host', '-p', '--port', '-U', '--username', '-v', '--set', '--variable', '-o', '--output', '-P', '--pset', '-F', '-R', '-T', '-L', '--log-file'], {
    flags: [
      { flags: ['-l', '--list', '-V', '--version'], effect: 'set', level: 'read_only', why: 'only lists databases or prints the version' },
      { flags: ['-o', '--output'], level: 'writes', why: 'writes the query results to a file' },
      { flags: ['-o', '--output'], valueMatch: '^\\s*\\|', runs: true, fedOutput: true, effect: 'always', level: 'writes', why: 'pipes the query results into this shell command' },
      { flags: ['-L', '--log-file'], level: 'writes', why: 'writes a session log file' },
    ],
    targets: { options: ['-o', '--output', '-L', '--log-file'], onExisting: { level: 'destructive', why: 'psql replaces it or appends the session to it' } },
  }),
  mysql: mysqlClient,
  mariadb: mysqlClient,
  sqlite3: client({ language: 'sql', options: ['-cmd'], positionalsFrom: 1 }, ['-cmd', '-separator', '-newline', '-nullvalue', '-init', '-vfs', '-mmap', '-lookaside', '-pagecache'], {
    options: { singleDashLong: true, withValue: ['-cmd', '-separator', '-newline', '-nullvalue', '-init', '-vfs', '-mmap'] },
    flags: [{ flags: ['-readonly', '--readonly', '-safe', '--safe'], effect: 'set', dryRun: true, level: 'read_only', why: 'opens the database read-only' }, { flags: ['-init'], effect: 'always', level: 'writes', why: 'runs statements and dot-commands from a file nl-sh does not read (.shell runs programs)' }],
  }),
  duckdb: client({ language: 'sql', options: ['-c', '-cmd', '-s'], positionalsFrom: 1 }, ['-c', '-cmd', '-s', '-init'], {
    options: { singleDashLong: true, withValue: ['-c', '-cmd', '-s', '-init'] },
    flags: [{ flags: ['-readonly'], effect: 'set', dryRun: true, level: 'read_only', why: 'opens the database read-only' }],
  }),
  'clickhouse-client': client({ language: 'sql', options: ['-q', '--query'], fileOptions: ['--queries-file'] }, ['-q', '--query', '-h', '--host', '--port', '-u', '--user', '-d', '--database', '--password']),
  cqlsh: client({ language: 'sql', options: ['-e', '--execute'], fileOptions: ['-f', '--file'] }, ['-e', '--execute', '-f', '--file', '-u', '--username', '-p', '--password', '-k', '--keyspace']),
  'redis-cli': client({ language: 'redis', positionalsFrom: 0 }, ['-h', '-p', '-a', '-n', '-u', '-s', '-r', '-i', '--user', '--pass', '--pattern', '--count', '--tls-cert', '--tls-key', '--cacert', '--eval', '--rdb', '--functions-rdb', '--memkeys-samples'], {
    flags: [
      { flags: ['--scan', '--bigkeys', '--memkeys', '--hotkeys', '--stat', '--latency', '--latency-history', '--latency-dist', '--help', '--version'], effect: 'set', level: 'read_only', why: 'only reads statistics or keys' },
      { flags: ['--rdb', '--functions-rdb'], level: 'writes', why: 'writes a dump file' },
      { flags: ['--eval'], level: 'writes', why: 'runs a Lua script nl-sh does not read' },
    ],
  }),
  'valkey-cli': client({ language: 'redis', positionalsFrom: 0 }, ['-h', '-p', '-a', '-n', '-u']),
  mongosh: client({ language: 'mongo', options: ['--eval'], fileOptions: ['-f', '--file'] }, ['--eval', '-f', '--file', '-u', '--username', '-p', '--password', '--host', '--port', '--authenticationDatabase']),
  mongo: client({ language: 'mongo', options: ['--eval'] }, ['--eval', '-u', '--username', '-p', '--password', '--host', '--port']),
  pg_dump: { level: 'read_only', why: 'prints a database dump', options: { withValue: ['-f', '--file', '-d', '-h', '-p', '-U'] }, targets: { options: ['-f', '--file'] }, flags: [{ flags: ['-f', '--file'], level: 'writes', why: 'writes the dump to a file' }] },
  mysqldump: { level: 'read_only', why: 'prints a database dump', options: { withValue: ['-r', '--result-file', '-u', '-h', '-P'], attachedOnly: ['-p'] }, flags: [{ flags: ['-r', '--result-file'], level: 'writes', why: 'writes the dump to a file' }] },
  pg_restore: { level: 'writes', why: 'restores a dump into a database', flags: [{ flags: ['-c', '--clean'], level: 'destructive', why: 'drops database objects before restoring' }, { flags: ['-l', '--list'], effect: 'set', level: 'read_only', why: 'only lists the archive' }] },
  createdb: { level: 'writes', why: 'creates a database' },
  dropdb: { level: 'destructive', why: 'drops a database and all its data' },
  dropuser: { level: 'destructive', why: 'drops a database role' },
  createuser: { level: 'writes', why: 'creates a database role' },
};

// Functions a reading statement can call that act: on files, on other sessions, on the server.
const sideEffects: CodePattern[] = [
  { match: '\\b(writefile|edit|load_extension|fts3_tokenizer|lo_export|lo_import|lo_unlink|pg_read_file|pg_write_file|pg_file_(write|unlink|rename))\\s*\\(', level: 'writes', why: 'a function that writes or reads files, or loads code' },
  { match: '\\b(pg_(terminate|cancel|signal)_backend|pg_reload_conf|pg_rotate_logfile|pg_promote|pg_switch_wal|pg_create_restore_point|pg_(create|drop)_\\w*replication_slot|pg_stat_reset\\w*|setval|nextval|dblink_exec|dblink|sys_exec|sys_eval)\\s*\\(', level: 'writes', why: 'a function that ends or signals sessions, changes server state or sequences, or runs commands' },
  { match: '\\bINTO\\s+(OUTFILE|DUMPFILE)\\b', level: 'writes', why: 'writes a file on the database server' },
];

const ro = { level: 'read_only' as const };
const wr = { level: 'writes' as const };
const gone = { level: 'destructive' as const };

/** SQL statements and meta-commands. */
export const sqlRules: SqlRules = {
  statements: {
    SELECT: { ...ro, why: 'reads rows', contains: sideEffects },
    SHOW: { ...ro, why: 'shows settings or objects' },
    DESCRIBE: { ...ro, why: 'describes a table' },
    DESC: { ...ro, why: 'describes a table' },
    EXPLAIN: { ...wr, why: 'EXPLAIN ANALYZE runs the statement' },
    VALUES: { ...ro, why: 'computes rows', contains: sideEffects },
    TABLE: { ...ro, why: 'reads a table' },
    PRAGMA: { ...ro, why: 'reads a setting', contains: [{ match: '=', level: 'writes', why: 'changes a setting' }] },
    USE: { ...ro, why: 'selects a database' },
    SET: { ...ro, why: 'changes a session setting' },
    RESET: { ...ro, why: 'resets a session setting' },
    BEGIN: { ...ro, why: 'starts a transaction' },
    START: { ...ro, why: 'starts a transaction' },
    COMMIT: { ...ro, why: 'commits a transaction' },
    END: { ...ro, why: 'commits a transaction' },
    ROLLBACK: { ...ro, why: 'rolls a transaction back' },
    SAVEPOINT: { ...ro, why: 'marks a savepoint' },
    RELEASE: { ...ro, why: 'releases a savepoint' },
    LISTEN: { ...ro, why: 'listens for notifications' },
    FETCH: { ...ro, why: 'reads rows from a cursor' },
    DECLARE: { ...ro, why: 'declares a cursor' },
    CHECKPOINT: { ...ro, why: 'flushes to disk' },
    INSERT: { ...wr, why: 'inserts rows' },
    REPLACE: { ...wr, why: 'inserts or replaces rows' },
    UPSERT: { ...wr, why: 'inserts or updates rows' },
    MERGE: { ...wr, why: 'merges rows' },
    UPDATE: { ...wr, why: 'updates the rows its WHERE clause selects', unscoped: { level: 'destructive', why: 'updates every row (no WHERE clause)' } },
    DELETE: { ...wr, why: 'deletes the rows its WHERE clause selects', unscoped: { level: 'destructive', why: 'deletes every row (no WHERE clause)' } },
    CREATE: { ...wr, why: 'creates an object', contains: [{ match: '\\bOR\\s+REPLACE\\b', level: 'writes', why: 'creates or replaces an object' }] },
    ALTER: { ...wr, why: 'changes a schema object', contains: [{ match: '\\bDROP\\b', level: 'destructive', why: 'drops a column or constraint and its data' }] },
    RENAME: { ...wr, why: 'renames a table' },
    COMMENT: { ...wr, why: 'sets a comment' },
    GRANT: { ...wr, why: 'grants privileges' },
    REVOKE: { ...wr, why: 'revokes privileges' },
    COPY: { ...wr, why: 'copies rows in or out' },
    VACUUM: { ...wr, why: 'reclaims space' },
    ANALYZE: { ...wr, why: 'updates statistics' },
    REINDEX: { ...wr, why: 'rebuilds indexes' },
    CLUSTER: { ...wr, why: 'reorders a table' },
    REFRESH: { ...wr, why: 'refreshes a view' },
    CALL: { ...wr, why: 'calls a procedure nl-sh cannot see' },
    DO: { ...wr, why: 'runs an anonymous code block' },
    LOCK: { ...wr, why: 'locks a table' },
    NOTIFY: { ...wr, why: 'sends a notification' },
    LOAD: { ...wr, why: 'loads data or a library' },
    ATTACH: { ...wr, why: 'attaches a database' },
    DETACH: { ...wr, why: 'detaches a database' },
    IMPORT: { ...wr, why: 'imports objects' },
    DROP: { ...gone, why: 'drops an object and all its data' },
    TRUNCATE: { ...gone, why: 'deletes every row' },
    DISCARD: { ...ro, why: 'discards session state' },
    FLUSH: { ...wr, why: 'flushes server caches' },
    KILL: { ...wr, why: 'kills a connection or query' },
  },
  meta: {
    '\\d': { ...ro, why: 'describes objects' },
    '\\dt': { ...ro, why: 'lists tables' },
    '\\di': { ...ro, why: 'lists indexes' },
    '\\dn': { ...ro, why: 'lists schemas' },
    '\\du': { ...ro, why: 'lists roles' },
    '\\df': { ...ro, why: 'lists functions' },
    '\\dv': { ...ro, why: 'lists views' },
    '\\ds': { ...ro, why: 'lists sequences' },
    '\\dx': { ...ro, why: 'lists extensions' },
    '\\l': { ...ro, why: 'lists databases' },
    '\\c': { ...ro, why: 'connects to a database' },
    '\\connect': { ...ro, why: 'connects to a database' },
    '\\conninfo': { ...ro, why: 'shows the connection' },
    '\\x': { ...ro, why: 'toggles display' },
    '\\timing': { ...ro, why: 'toggles timing' },
    '\\q': { ...ro, why: 'quits' },
    '\\echo': { ...ro, why: 'prints text' },
    '\\set': { ...ro, why: 'sets a variable' },
    '\\pset': { ...ro, why: 'sets display options' },
    '\\i': { ...wr, why: 'runs a file of SQL nl-sh does not read' },
    '\\ir': { ...wr, why: 'runs a file of SQL nl-sh does not read' },
    '\\include': { ...wr, why: 'runs a file of SQL nl-sh does not read' },
    '\\o': { ...wr, why: 'writes output to a file' },
    '\\copy': { ...wr, why: 'copies rows between a table and a file' },
    '\\g': { ...ro, why: 'runs the query buffer' },
    '\\gx': { ...ro, why: 'runs the query buffer, shown expanded' },
    '\\G': { ...ro, why: 'runs the query, shown vertically' },
    '.tables': { ...ro, why: 'lists tables' },
    '.schema': { ...ro, why: 'prints the schema' },
    '.indexes': { ...ro, why: 'lists indexes' },
    '.indices': { ...ro, why: 'lists indexes' },
    '.databases': { ...ro, why: 'lists databases' },
    '.dump': { ...ro, why: 'prints a dump' },
    '.headers': { ...ro, why: 'sets display options' },
    '.mode': { ...ro, why: 'sets display options' },
    '.show': { ...ro, why: 'shows settings' },
    '.help': { ...ro, why: 'prints help' },
    '.quit': { ...ro, why: 'quits' },
    '.exit': { ...ro, why: 'quits' },
    '.timer': { ...ro, why: 'toggles timing' },
    '.width': { ...ro, why: 'sets display options' },
    '.dbinfo': { ...ro, why: 'shows database information' },
    '.output': { ...wr, why: 'writes output to a file' },
    '.once': { ...wr, why: 'writes output to a file' },
    '.import': { ...wr, why: 'imports rows from a file' },
    '.backup': { ...wr, why: 'writes a backup' },
    '.save': { ...wr, why: 'writes a backup' },
    '.read': { ...wr, why: 'runs a file of SQL nl-sh does not read' },
    '.restore': { ...gone, why: 'replaces the database with a backup' },
  },
  shellMeta: ['\\!', '.shell', '.system'],
  shellCommands: ['system', 'pager'],
  pipeMeta: ['\\g', '\\gx', '\\o', '\\out', '\\w', '\\write', '.once', '.output'],
  shellStrings: [
    '\\bPROGRAM\\s+(\'(?:[^\']|\'\')*\')',
    '\\bedit\\s*\\(\\s*(?:\'(?:[^\']|\'\')*\'|[^,()\']*)\\s*,\\s*(\'(?:[^\']|\'\')*\')',
    '\\bsys_(?:exec|eval)\\s*\\(\\s*(\'(?:[^\']|\'\')*\')',
  ],
};

/** Redis commands. */
export const redisRules: RedisRules = {
  commands: Object.fromEntries([
    ...['GET', 'MGET', 'KEYS', 'SCAN', 'INFO', 'TTL', 'PTTL', 'TYPE', 'EXISTS', 'HGET', 'HGETALL', 'HKEYS', 'HVALS', 'HLEN', 'HMGET', 'HSCAN', 'HEXISTS', 'LRANGE', 'LLEN', 'LINDEX', 'SMEMBERS', 'SCARD', 'SISMEMBER', 'SSCAN', 'ZRANGE', 'ZRANGEBYSCORE', 'ZREVRANGE', 'ZSCORE', 'ZCARD', 'ZRANK', 'ZSCAN', 'XRANGE', 'XREVRANGE', 'XLEN', 'XINFO', 'XREAD', 'STRLEN', 'GETRANGE', 'PING', 'ECHO', 'DBSIZE', 'MONITOR', 'TIME', 'ROLE', 'LASTSAVE', 'OBJECT', 'DUMP', 'SUBSCRIBE', 'PSUBSCRIBE', 'RANDOMKEY', 'MEMORY', 'SLOWLOG', 'LATENCY', 'COMMAND', 'CLIENT LIST', 'CLIENT INFO', 'CLIENT GETNAME', 'CONFIG GET', 'CLUSTER INFO', 'CLUSTER NODES', 'PUBSUB', 'BITCOUNT', 'GETBIT', 'PFCOUNT', 'GEOPOS', 'GEODIST', 'GEOSEARCH', 'AUTH', 'SELECT', 'HELLO', 'QUIT'].map((c) => [c, { level: 'read_only' as const, why: 'reads data or server state' }]),
    ['FLUSHALL', { level: 'destructive' as const, why: 'deletes every key in every database' }],
    ['FLUSHDB', { level: 'destructive' as const, why: 'deletes every key in the database' }],
    ['SHUTDOWN', { level: 'destructive' as const, why: 'stops the server (NOSAVE loses unsaved data)' }],
    ['DEBUG', { level: 'destructive' as const, why: 'debug commands can crash or wipe the server' }],
    ['SWAPDB', { level: 'destructive' as const, why: 'swaps whole databases' }],
    ['DEL', { level: 'destructive' as const, why: 'deletes keys for good' }],
    ['UNLINK', { level: 'destructive' as const, why: 'deletes keys for good' }],
    ['CONFIG SET', { level: 'writes' as const, why: 'changes server configuration' }],
    ['CONFIG REWRITE', { level: 'writes' as const, why: 'rewrites the configuration file' }],
    ['CLIENT KILL', { level: 'writes' as const, why: 'disconnects clients' }],
    ['EVAL', { level: 'writes' as const, why: 'runs a Lua script' }],
    ['EVALSHA', { level: 'writes' as const, why: 'runs a Lua script' }],
  ]),
  other: { level: 'writes', why: 'changes data' },
};

/** MongoDB shell code. */
export const mongoPatterns: CodePattern[] = [
  { match: '\\.(drop|dropDatabase|dropIndexes|dropIndex|dropUser|dropAllUsers|dropRole)\\s*\\(', level: 'destructive', why: 'drops a database, collection or index' },
  { match: '\\.(deleteMany|remove)\\s*\\(\\s*\\{\\s*\\}', level: 'destructive', why: 'deletes every document' },
  { match: '\\.(updateMany)\\s*\\(\\s*\\{\\s*\\}', level: 'destructive', why: 'updates every document' },
  { match: '\\.(deleteOne|deleteMany|remove|findOneAndDelete|insert|insertOne|insertMany|update|updateOne|updateMany|replaceOne|findOneAndUpdate|findOneAndReplace|createCollection|createIndex|createUser|renameCollection|bulkWrite)\\s*\\(', level: 'writes', why: 'changes documents or collections' },
  { match: '\\.(find|findOne|count|countDocuments|estimatedDocumentCount|aggregate|distinct|getCollectionNames|getIndexes|stats|explain|listCollections|getName|version|serverStatus|hostInfo|isMaster|hello)\\s*\\(|\\bshow\\s+(dbs|databases|collections|users)\\b|\\bdb\\.adminCommand\\(\\s*\\{\\s*(ping|listDatabases)', level: 'read_only', why: 'reads documents or server state' },
];
