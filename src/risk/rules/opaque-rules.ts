// What code nl-sh cannot read could still do, by the names it uses. Applied to interpreter code
// outside the provably pure forms and to code in languages nl-sh does not parse (R, Tcl, Lisp,
// PowerShell, m4...): if any way the code could resolve is destructive, it is judged so.

import type { CodePattern } from './rule-types.js';

/** Capabilities, by the names that reach them in most languages. */
export const opaquePatterns: CodePattern[] = [
  {
    match: '\\b(iex|Invoke-Expression|eval|exec|sh|bash)\\b[^\\n]*\\b(irm|iwr|Invoke-RestMethod|Invoke-WebRequest|DownloadString|urlopen|curl|wget)\\b|\\b(irm|iwr|Invoke-RestMethod|Invoke-WebRequest|DownloadString)\\b[^\\n]*\\|\\s*(iex|Invoke-Expression)\\b',
    level: 'network_exec',
    why: 'fetches code from the network and runs it',
  },
  {
    match: '\\b(rmtree|rmdir|unlink|unlinkSync|rmSync|rm_rf|rm_r|remove_tree|removedirs|rimraf|emptyDir|truncate|shred)\\b|\\bdelete[-_]?(directory|file|tree)\\b|\\bfile\\s+delete\\b|\\b(os|fs|fsp|shutil|FileUtils|File|Dir|Files|Path|fs-extra)\\.(remove|delete|rm)\\w*\\b|\\brm\\s*\\(|(?<![.\\w])delete\\s*\\(',
    level: 'destructive',
    why: 'can delete files',
  },
  {
    match: '\\b(system|popen|spawn|spawnSync|execSync|execFile|execFileSync|exec[lv]p?e?|shell_exec|passthru|proc_open|syscmd|esyscmd|Popen|check_output|check_call|getoutput|getstatusoutput|Invoke-Expression|iex|Start-Process)\\b\\s*[(\\s"\'`{]|\\b(child_process|subprocess|Open3|ProcessBuilder)\\b|\\bos\\.exec|\\bIO\\.popen\\b|%x[({]',
    // What it runs is judged from the strings in the code (opaque-code.ts); the capability alone asks.
    level: 'writes',
    why: 'can run shell commands',
  },
  {
    match: '\\beval\\s+["\'$]|\\b(eval|exec|compile|instance_eval|class_eval|module_eval|getattr|__import__|import_module|loadstring|dofile|call_user_func(_array)?|create_function|Invoke-Command)\\s*\\(|\\.(public_send|__send__|send)\\s*\\(?\\s*[:"\']|\\bnew\\s+Function\\b|\\bFunction\\s*\\(|\\brequire\\s*\\(\\s*[^\'"\\s)]|\\[\\s*[\'"][^\'"]*[\'"]\\s*\\+|\\$\\w+\\s*\\(',
    level: 'destructive',
    why: 'builds and runs code at run time, so it could do anything, rm included',
  },
  {
    match: '\\bfork\\b',
    level: 'destructive',
    why: 'can start processes without end (a fork bomb)',
  },
  {
    match: '\\bkill(pg)?\\s*\\(\\s*-1\\b|\\bkill\\s+-9\\s+-1\\b',
    level: 'destructive',
    why: 'can kill every process of the user',
  },
  {
    match: '\\bkill(pg)?\\s*\\(\\s*1\\s*[,)]',
    level: 'privileged',
    why: 'signals process 1 (init)',
  },
];
