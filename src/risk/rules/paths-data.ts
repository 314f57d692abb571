// Paths that change what writing means: system trees (privileged), block devices (destructive),
// sinks (/dev/null), the directories whose programs are named by basename, well-known files
// that evidently exist (kept short: files people also create with `cat > f <<EOF` are left
// out, so such a line counts as creating them), and template markers.

import type { PathRules } from './rule-types.js';

/** The path rules. */
export const pathRules: PathRules = {
  systemPrefixes: ['/etc', '/usr', '/boot', '/var/lib', '/proc', '/sys', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/root', '/var/spool/cron', '/var/cache/apt'],
  devicePatterns: [
    '^/dev/(sd|hd|vd|xvd)[a-z]+[0-9]*$',
    '^/dev/nvme[0-9]+n[0-9]+(p[0-9]+)?$',
    '^/dev/mmcblk[0-9]+(p[0-9]+)?$',
    '^/dev/(md|dm-|loop|sr|nbd)[0-9]+(p[0-9]+)?$',
    '^/dev/mapper/.+$',
    '^/dev/disk/.+$',
    '^/dev/(mem|kmem|port)$',
    '^/dev/r?disk[0-9]+(s[0-9]+)?$',
  ],
  discardTargets: ['/dev/null', '/dev/stdout', '/dev/stderr', '/dev/tty', '/dev/zero', '/dev/full', '/proc/self/fd/1', '/proc/self/fd/2'],
  binDirs: ['/bin', '/usr/bin', '/usr/local/bin', '/sbin', '/usr/sbin', '/usr/local/sbin', '/opt/homebrew/bin', '/snap/bin', '/usr/games'],
  wellKnownFiles: [
    'package.json', 'package-lock.json', 'pnpm-lock.yaml', 'yarn.lock', 'Cargo.lock', 'go.sum', 'poetry.lock', 'Gemfile.lock',
    '~/.bashrc', '~/.bash_profile', '~/.profile', '~/.zshrc', '~/.zprofile', '~/.gitconfig', '~/.ssh/config',
    '~/.ssh/authorized_keys', '~/.ssh/known_hosts', '~/.ssh/id_rsa', '~/.ssh/id_ed25519', '~/.vimrc', '~/.npmrc',
    '~/.bash_history', '~/.zsh_history', '~/.inputrc', '~/.tmux.conf',
    // Per-user settings that tools generate or edit (a preset or an init writes over them).
    '~/.config/starship.toml', '~/.config/git/config', '~/.config/nvim/init.lua', '~/.config/nvim/init.vim', '~/.kube/config', '~/.aws/config', '~/.aws/credentials', '~/.docker/config.json', '~/.wgetrc', '~/.curlrc', '~/.pylintrc', '~/.config/gh/config.yml',
    '/var/log/',
    'README.md', 'README', 'README.rst', 'LICENSE', 'CHANGELOG.md', 'Makefile', 'Dockerfile', '.gitignore', 'go.mod', 'Cargo.toml', 'pyproject.toml', 'tsconfig.json',
  ],
  startupFiles: [
    '~/.bashrc', '~/.bash_profile', '~/.bash_login', '~/.profile', '~/.bash_logout', '~/.bash_aliases',
    '~/.zshrc', '~/.zprofile', '~/.zshenv', '~/.zlogin', '~/.config/fish/config.fish', '~/.config/fish/conf.d/',
    '~/.inputrc', '~/.ssh/rc', '~/.xprofile', '~/.xinitrc', '~/.config/autostart/',
    '/etc/profile', '/etc/bash.bashrc', '/etc/profile.d/', '/etc/environment', '/etc/zsh/',
  ],
  templateMarkers: ['example', 'sample', 'template', 'tmpl', 'dist', 'default', 'defaults', 'in', 'orig-template'],
};
