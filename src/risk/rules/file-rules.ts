// Files: creating, copying, moving, deleting, changing permissions, editing in place, archives,
// and the tools that wipe disks.

import type { CommandRule, FlagRule } from './rule-types.js';

const noClobber = ['-n', '--no-clobber', '--update=none', '-b', '--backup', '-i', '--interactive'];
const recursive = ['-r', '-R', '--recursive'];

const deletes: CommandRule = {
  level: 'destructive',
  why: 'deletes files for good',
  targets: { positionals: 'all' },
  flags: [
    { flags: recursive, with: ['-f', '--force'], level: 'destructive', why: 'recursive forced delete' },
    { flags: recursive, without: ['-f', '--force'], level: 'destructive', why: 'recursive delete' },
  ],
};

const permissions = (what: string): CommandRule => ({
  level: 'writes',
  why: `changes ${what} of the files named`,
  options: { withValue: ['--reference', '--from'] },
  targets: { positionals: 'all-but-first' },
  flags: [{ flags: recursive, level: 'destructive', why: `changes ${what} of a whole tree, which cannot be undone file by file` }],
});

const copyLike = (why: string, existingWhy: string): CommandRule => ({
  level: 'writes',
  why,
  options: { withValue: ['-t', '--target-directory', '-S', '--suffix'] },
  targets: { positionals: 'last', options: ['-t', '--target-directory'], onExisting: { level: 'destructive', why: existingWhy, unlessFlags: noClobber } },
});

const compressor = (why: string): CommandRule => ({
  level: 'writes',
  why,
  flags: [{ flags: ['-c', '--stdout', '--to-stdout', '-l', '--list', '-t', '--test'], effect: 'set', level: 'read_only', why: 'writes only to stdout' } satisfies FlagRule],
});

const wipes = (why: string): CommandRule => ({ level: 'destructive', why, targets: { positionals: 'all' } });

/** File operations. */
export const fileRules: Record<string, CommandRule> = {
  rm: deletes,
  unlink: { level: 'destructive', why: 'deletes a file', targets: { positionals: 'all' } },
  srm: deletes,
  wipe: deletes,
  shred: { level: 'destructive', why: 'overwrites files so they cannot be recovered', options: { withValue: ['-n', '--iterations', '-s', '--size', '--random-source'] }, targets: { positionals: 'all' } },
  truncate: { level: 'destructive', why: 'cuts files to a size, losing their contents', options: { withValue: ['-s', '--size', '-r', '--reference'] }, targets: { positionals: 'all' } },
  rmdir: { level: 'writes', why: 'removes empty directories only', targets: { positionals: 'all' } },
  mkdir: { level: 'writes', why: 'creates directories', options: { withValue: ['-m', '--mode', '-Z', '--context'] }, targets: { positionals: 'all' } },
  touch: { level: 'writes', why: 'creates files or updates their times', options: { withValue: ['-d', '--date', '-t', '-r', '--reference'] }, targets: { positionals: 'all' } },
  mktemp: { level: 'writes', why: 'creates a temporary file', options: { withValue: ['-p', '--tmpdir', '--suffix'] } },
  mv: {
    ...copyLike('moves or renames files', 'mv replaces it, and the old contents are gone'),
    args: [{ match: '^/dev/null$', level: 'destructive', why: 'moving onto /dev/null throws the file away' }],
  },
  cp: {
    ...copyLike('copies files to a new place', 'cp overwrites it'),
    flags: [{ flags: ['-f', '--force', '--remove-destination'], level: 'writes', why: 'replaces what is in the way' }],
    args: [{ match: '^/dev/(null|zero)$', position: 0, level: 'destructive', why: 'copies an empty or zero stream over the target, wiping it' }],
  },
  install: { ...copyLike('copies files and sets their attributes', 'install replaces it'), options: { withValue: ['-t', '--target-directory', '-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix'] } },
  ln: {
    level: 'writes',
    why: 'creates a link',
    options: { withValue: ['-t', '--target-directory', '-S', '--suffix'] },
    targets: { positionals: 'last', options: ['-t', '--target-directory'], onExisting: { level: 'destructive', why: 'ln -f replaces it', unlessFlags: ['-b', '--backup', '-i', '--interactive'], requireFlags: ['-f', '--force'] } },
    flags: [],
  },
  chmod: permissions('the permissions'),
  chown: permissions('the owner'),
  chgrp: permissions('the group'),
  setfacl: { ...permissions('the access lists'), targets: { positionals: 'all' }, options: { withValue: ['-m', '-x', '-M', '-X', '--modify', '--remove', '--set', '--set-file'] } },
  chattr: { level: 'privileged', why: 'changes file attributes (needs root for most)', targets: { positionals: 'all-but-first' } },
  tee: {
    level: 'writes',
    why: 'writes its input to files',
    analyzer: 'fetch',
    emits: 'passthrough',
    targets: { positionals: 'all', onExisting: { level: 'destructive', why: 'tee truncates it', unlessFlags: ['-a', '--append'] } },
  },
  sed: {
    level: 'read_only',
    why: 'prints edited text; the files are untouched',
    analyzer: 'code',
    // A bare `e` (no command after it) runs the pattern space: the input lines are shell code.
    code: { language: 'sed', options: ['-e', '--expression'], fileOptions: ['-f', '--file'], program: true, inputRuns: '(?:^|[;\\n{}])\\s*(?:(?:[0-9]+(?:~[0-9]+)?|\\$|/(?:\\\\.|[^/\\\\])*/[IM]*)(?:\\s*,\\s*(?:[+~]?[0-9]+|\\$|/(?:\\\\.|[^/\\\\])*/[IM]*))?)?\\s*!?\\s*e\\s*(?:$|[;\\n}])' },
    options: { withValue: ['-e', '--expression', '-f', '--file', '-l', '--line-length'], attachedOnly: ['-i'] },
    flags: [{ flags: ['-i', '--in-place'], level: 'writes', why: 'edits the files in place' }],
    targets: { positionals: 'all', whenFlags: ['-i', '--in-place'] },
  },
  dd: {
    level: 'writes',
    why: 'copies data to the output named by of=',
    targets: { keys: ['of'], onExisting: { level: 'destructive', why: 'dd overwrites it' } },
    args: [
      { match: '^of=', level: 'writes', why: 'writes the output file' },
      { match: '^count=[0-9]{6,}$', level: 'destructive', why: 'writes a million blocks or more: it can fill the disk' },
    ],
    noArgs: { level: 'read_only', why: 'copies stdin to stdout' },
  },
  fallocate: {
    level: 'writes',
    why: 'allocates space for a file',
    options: { withValue: ['-l', '--length', '-o', '--offset'] },
    flags: [
      { flags: ['-l', '--length'], valueMatch: '^[0-9.]+\\s*([GTPE]|[0-9]{10,})', level: 'destructive', why: 'allocates gigabytes at once: it can fill the disk' },
      { flags: ['-p', '--punch-hole', '-c', '--collapse-range', '-z', '--zero-range'], level: 'destructive', why: 'removes or zeroes part of a file' },
    ],
    targets: { positionals: 'all' },
  },
  mkfs: wipes('formats a filesystem, erasing what was there'),
  mke2fs: wipes('formats a filesystem, erasing what was there'),
  mkswap: wipes('formats swap space, erasing what was there'),
  wipefs: { ...wipes('erases filesystem signatures'), flags: [{ flags: ['-n', '--no-act'], effect: 'set', dryRun: true, level: 'read_only', why: 'a dry run' }] },
  blkdiscard: wipes('discards every block on a device'),
  fdisk: { level: 'destructive', why: 'rewrites partition tables', flags: [{ flags: ['-l', '--list'], effect: 'set', level: 'read_only', why: 'lists partitions' }] },
  sfdisk: { level: 'destructive', why: 'rewrites partition tables', flags: [{ flags: ['-l', '--list', '-d', '--dump', '-s', '--show-size', '-V', '--verify'], effect: 'set', level: 'read_only', why: 'only reads partitions' }] },
  gdisk: { level: 'destructive', why: 'rewrites partition tables', flags: [{ flags: ['-l'], effect: 'set', level: 'read_only', why: 'lists partitions' }] },
  parted: { level: 'destructive', why: 'rewrites partition tables', flags: [{ flags: ['-l', '--list'], effect: 'set', level: 'read_only', why: 'lists partitions' }] },
  tar: {
    level: 'writes',
    why: 'writes files',
    analyzer: 'unpack',
    options: { withValue: ['-f', '--file', '-C', '--directory', '-T', '--files-from', '-X', '--exclude-from', '-b', '--blocking-factor', '-H', '--format', '-I', '--use-compress-program', '--exclude', '-g', '--listed-incremental', '-N', '--newer', '-V', '--label', '--to-command', '--checkpoint-action', '--rsh-command', '--info-script', '--new-volume-script', '-F', '--index-file', '--volno-file'], firstArgFlags: true },
    targets: { options: ['-C', '--directory', '--index-file', '--volno-file'] },
    flags: [
      { flags: ['-t', '--list', '-d', '--diff', '--compare'], effect: 'set', level: 'read_only', why: 'only lists or compares the archive' },
      { flags: ['-O', '--to-stdout'], with: ['-x', '--extract', '--get'], without: ['--remove-files', '--delete', '-c', '--create', '-r', '--append', '-u', '--update', '-A', '--concatenate'], effect: 'set', level: 'read_only', why: 'extracts to stdout; no file is written' },
      { flags: ['--index-file', '--volno-file'], effect: 'always', level: 'writes', why: 'writes the listing or the volume number to a file' },
      { flags: ['--to-command', '--checkpoint-action', '--rsh-command', '--info-script', '--new-volume-script', '-F'], effect: 'always', level: 'destructive', why: 'runs a program nl-sh cannot see' },
      { flags: ['--use-compress-program', '-I'], valueMatch: '^(?!\\s*(gzip|gunzip|pigz|unpigz|zstd|unzstd|pzstd|xz|unxz|pixz|bzip2|bunzip2|pbzip2|lbzip2|lz4|lzip|plzip|lzop|brotli)(\\s+-[-\\w=]+)*\\s*$)', effect: 'always', level: 'destructive', why: 'runs a program nl-sh cannot see' },
      { flags: ['--delete'], level: 'destructive', why: 'deletes members from the archive' },
      { flags: ['--remove-files'], level: 'destructive', why: 'deletes the files it archives' },
      { flags: ['-x', '--extract', '--get'], level: 'writes', why: 'extracts files, replacing ones with the same names' },
      { flags: ['-c', '--create', '-r', '--append', '-u', '--update', '-A', '--concatenate'], level: 'writes', why: 'writes an archive' },
    ],
  },
  unzip: {
    level: 'writes',
    why: 'extracts files',
    analyzer: 'unpack',
    options: { withValue: ['-d', '-x', '-P'] },
    targets: { options: ['-d'] },
    flags: [
      { flags: ['-l', '-t', '-v', '-Z', '-z', '-p'], effect: 'set', level: 'read_only', why: 'only lists, tests or prints the archive' },
      { flags: ['-o'], level: 'destructive', why: 'overwrites existing files without asking' },
    ],
  },
  zip: { level: 'writes', why: 'writes an archive', options: { withValue: ['-TT', '--unzip-command', '-b', '-n', '-i', '-x', '-P', '--password', '-O', '--output-file'], longShort: ['-TT', '-sf', '-sc', '-so', '-su', '-sv', '-ws', '-db', '-dc', '-dd', '-dg', '-ds', '-du', '-dv', '-FS', '-MM'] }, targets: { options: ['-O', '--output-file'] }, flags: [{ flags: ['-TT', '--unzip-command'], runs: true, effect: 'always', level: 'writes', why: 'runs this command to test the archive' }, { flags: ['-m', '--move'], level: 'destructive', why: 'deletes the files it archives' }, { flags: ['-sf', '--show-files'], effect: 'set', level: 'read_only', why: 'only lists' }] },
  '7z': { level: 'writes', why: 'writes or extracts an archive', subcommands: { l: { level: 'read_only', why: 'lists an archive' }, t: { level: 'read_only', why: 'tests an archive' }, x: { level: 'writes', why: 'extracts files' }, e: { level: 'writes', why: 'extracts files' }, a: { level: 'writes', why: 'adds to an archive' }, d: { level: 'writes', why: 'deletes from an archive' }, u: { level: 'writes', why: 'updates an archive' } } },
  gzip: compressor('compresses files, replacing them'),
  gunzip: compressor('decompresses files, replacing them'),
  bzip2: compressor('compresses files, replacing them'),
  bunzip2: compressor('decompresses files, replacing them'),
  xz: compressor('compresses files, replacing them'),
  unxz: compressor('decompresses files, replacing them'),
  zstd: compressor('compresses files'),
  unzstd: compressor('decompresses files'),
  lz4: compressor('compresses files'),
  rsync: {
    level: 'writes',
    why: 'copies files to the destination',
    options: { withValue: ['-e', '--rsh', '--exclude', '--include', '--exclude-from', '--include-from', '--files-from', '--filter', '-f', '--backup-dir', '--suffix', '--chmod', '--chown', '--log-file', '--password-file', '-T', '--temp-dir', '--bwlimit', '--timeout', '--port', '--rsync-path'] },
    targets: { positionals: 'last' },
    flags: [
      { flags: ['-e', '--rsh'], valueMatch: '^(?!\\s*(ssh|rsh)(\\s|$))', effect: 'always', level: 'destructive', why: 'runs a custom command as the remote shell' },
      { flags: ['--rsync-path'], valueMatch: '\\bsudo\\b', effect: 'always', level: 'privileged', why: 'runs rsync as root on the remote side' },
      { flags: ['--rsync-path'], runs: true, effect: 'always', level: 'writes', why: 'runs a custom command on the remote side' },
      { flags: ['-n', '--dry-run', '--list-only'], effect: 'set', dryRun: true, level: 'read_only', why: 'a dry run; nothing is copied or deleted' },
      { flags: ['--delete', '--delete-before', '--delete-during', '--delete-delay', '--delete-after', '--delete-excluded', '--del'], level: 'destructive', why: 'deletes files at the destination that the source lacks' },
      { flags: ['--remove-source-files'], level: 'destructive', why: 'deletes the source files after copying' },
    ],
  },
  scp: { level: 'writes', why: 'copies files (possibly to another machine)', options: { withValue: ['-P', '-i', '-o', '-F', '-c', '-l', '-S', '-J'] }, targets: { positionals: 'last' }, flags: [{ flags: ['-o'], valueMatch: '^\\s*[A-Za-z]*([Cc][Oo][Mm][Mm][Aa][Nn][Dd]|[Ii][Nn][Cc][Ll][Uu][Dd][Ee]|[Mm][Aa][Tt][Cc][Hh])\\s*[= ]', effect: 'always', level: 'destructive', why: 'runs a local command nl-sh cannot see' }, { flags: ['-F', '-S'], effect: 'always', level: 'writes', why: 'takes a configuration file or a program to connect with that nl-sh does not read' }] },
  sftp: { level: 'writes', why: 'transfers files with another machine', options: { withValue: ['-P', '-i', '-o', '-F', '-b', '-c', '-J', '-S'] }, flags: [{ flags: ['-o'], valueMatch: '^\\s*[A-Za-z]*([Cc][Oo][Mm][Mm][Aa][Nn][Dd]|[Ii][Nn][Cc][Ll][Uu][Dd][Ee]|[Mm][Aa][Tt][Cc][Hh])\\s*[= ]', effect: 'always', level: 'destructive', why: 'runs a local command nl-sh cannot see' }, { flags: ['-F', '-S'], effect: 'always', level: 'writes', why: 'takes a configuration file or a program to connect with that nl-sh does not read' }] },
  split: { level: 'writes', why: 'writes pieces of a file' },
  csplit: { level: 'writes', why: 'writes pieces of a file' },
  patch: { level: 'writes', why: 'changes files by a patch', options: { withValue: ['-o', '--output', '-i', '--input', '-p', '-d', '--directory', '-r', '--reject-file', '-B', '--prefix', '-z', '--suffix', '-D', '--ifdef', '-F', '--fuzz'] }, targets: { options: ['-o', '--output'], onExisting: { level: 'destructive', why: 'the output file is replaced' } }, flags: [{ flags: ['--dry-run'], effect: 'set', dryRun: true, level: 'read_only', why: 'a dry run' }, { flags: ['-o', '--output'], effect: 'always', level: 'writes', why: 'writes the patched result to a file, even in a dry run' }] },
  gio: {
    level: 'read_only',
    why: 'inspects files',
    subcommands: {
      trash: { level: 'writes', why: 'moves files to the trash, where they can be restored' },
      remove: { level: 'destructive', why: 'deletes files' },
      rm: { level: 'destructive', why: 'deletes files' },
      copy: { level: 'writes', why: 'copies files' },
      move: { level: 'writes', why: 'moves files' },
      mkdir: { level: 'writes', why: 'creates directories' },
      save: { level: 'writes', why: 'writes a file' },
      set: { level: 'writes', why: 'sets file attributes' },
      rename: { level: 'writes', why: 'renames a file' },
      open: { level: 'writes', why: 'opens files in applications' },
      mount: { level: 'privileged', why: 'mounts a location' },
      list: { level: 'read_only', why: 'lists files' },
      info: { level: 'read_only', why: 'shows file information' },
      cat: { level: 'read_only', why: 'prints files' },
      tree: { level: 'read_only', why: 'lists a tree' },
      mime: { level: 'read_only', why: 'shows MIME handlers' },
      monitor: { level: 'read_only', why: 'watches for changes' },
      version: { level: 'read_only', why: 'prints the version' },
      help: { level: 'read_only', why: 'prints help' },
    },
  },
  'trash-put': { level: 'writes', why: 'moves files to the trash, where they can be restored' },
  trash: { level: 'writes', why: 'moves files to the trash, where they can be restored' },
  'trash-empty': { level: 'destructive', why: 'empties the trash for good' },
};
