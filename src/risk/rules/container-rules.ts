// Containers and clusters: docker/podman (and compose), kubectl, helm. Listing and inspecting
// read; starting, building and applying write; deleting volumes, namespaces, releases and
// pruning everything are destructive. `exec` is judged by the command it runs.

import type { CommandRule, FlagRule } from './rule-types.js';

const ro = (why: string, extra: Partial<CommandRule> = {}): CommandRule => ({ level: 'read_only', why, ...extra });
const w = (why: string, extra: Partial<CommandRule> = {}): CommandRule => ({ level: 'writes', why, ...extra });
const gone = (why: string, extra: Partial<CommandRule> = {}): CommandRule => ({ level: 'destructive', why, ...extra });

const exec = (withValue: string[], separator?: string): CommandRule => ({
  level: 'read_only',
  why: 'runs a command inside a container',
  options: { withValue, stopAtPositional: separator === undefined },
  wraps: { inner: 'rest', skip: 1, bare: { level: 'read_only', why: 'runs nothing' }, ...(separator ? { separator } : {}) },
});

const dockerExec = exec(['-e', '--env', '-u', '--user', '-w', '--workdir', '--env-file', '--detach-keys']);

const prune = (what: string): CommandRule => gone(`deletes ${what}`, { flags: [{ flags: ['--help'], effect: 'set', level: 'read_only', why: 'prints help' }] });

const compose: CommandRule = w('manages a compose project', {
  options: { withValue: ['-f', '--file', '-p', '--project-name', '--profile', '--env-file', '--project-directory', '--ansi', '--progress'] },
  subcommands: {
    ps: ro('lists services'),
    ls: ro('lists projects'),
    logs: ro('prints service logs'),
    config: ro('prints the configuration'),
    top: ro('shows processes'),
    images: ro('lists images'),
    port: ro('prints a port'),
    events: ro('streams events'),
    version: ro('prints the version'),
    up: w('starts services'),
    start: w('starts services'),
    stop: w('stops services'),
    restart: w('restarts services'),
    pause: w('pauses services'),
    unpause: w('unpauses services'),
    build: w('builds images'),
    pull: w('pulls images'),
    push: w('pushes images'),
    create: w('creates containers'),
    run: w('runs a one-off container'),
    exec: exec(['-e', '--env', '-u', '--user', '-w', '--workdir', '--index']),
    cp: w('copies files'),
    kill: w('kills containers'),
    down: w('removes containers; volumes are kept', { flags: [{ flags: ['-v', '--volumes'], level: 'destructive', why: 'also deletes volumes and their data' }, { flags: ['--rmi'], level: 'writes', why: 'also removes images' }] }),
    rm: w('removes stopped containers', { flags: [{ flags: ['-v', '--volumes'], level: 'destructive', why: 'also deletes anonymous volumes' }] }),
  },
});

const docker: CommandRule = {
  level: 'read_only',
  why: 'prints docker usage',
  options: { withValue: ['-H', '--host', '-c', '--context', '--config', '-l', '--log-level'] },
  subcommands: {
    ps: ro('lists containers'),
    images: ro('lists images'),
    logs: ro('prints container logs'),
    inspect: ro('inspects objects'),
    version: ro('prints the version'),
    info: ro('prints system information'),
    stats: ro('shows resource use'),
    top: ro('shows processes'),
    port: ro('prints port mappings'),
    diff: ro('shows filesystem changes'),
    history: ro('shows image history'),
    search: ro('searches images'),
    events: ro('streams events'),
    exec: dockerExec,
    run: w('starts a container', {
      options: { withValue: ['-v', '--volume', '--mount', '-e', '--env', '-p', '--publish', '--name', '-w', '--workdir', '-u', '--user', '--network', '--net', '--pid', '--entrypoint', '--env-file', '-l', '--label', '--restart', '-m', '--memory', '--cpus', '--platform', '-h', '--hostname', '--device', '--cap-add'] , stopAtPositional: true },
      flags: [{ flags: ['--privileged'], level: 'privileged', why: 'gives the container full access to the host' }, { flags: ['--pid', '--net', '--network'], values: ['host'], level: 'privileged', why: 'shares the host\'s processes or network' }],
      args: [{ match: '^/(:|$)|^/(etc|usr|boot|var/run/docker\\.sock)(/|:|$)', options: ['-v', '--volume'], level: 'privileged', why: 'mounts a system path of the host into the container' }],
      // The command after the image runs in the container; through a bind mount it reaches host files, so it is judged as if run here.
      wraps: { inner: 'rest', skip: 1 },
    }),
    create: w('creates a container'),
    start: w('starts containers'),
    stop: w('stops containers; they can be restarted'),
    restart: w('restarts containers'),
    kill: w('kills containers'),
    pause: w('pauses containers'),
    unpause: w('unpauses containers'),
    rm: w('removes containers', { args: [{ runtime: true, level: 'destructive', why: 'removes every container listed at run time (often all of them)' }] }),
    rmi: w('removes images, which can be pulled again', { args: [{ runtime: true, level: 'destructive', why: 'removes every image listed at run time (often all of them)' }] }),
    build: w('builds an image'),
    buildx: w('builds images'),
    pull: w('pulls an image'),
    push: w('pushes an image'),
    tag: w('tags an image'),
    commit: w('makes an image from a container'),
    cp: w('copies files to or from a container'),
    login: w('stores registry credentials'),
    logout: w('removes registry credentials'),
    save: w('writes an image archive'),
    load: w('loads an image archive'),
    import: w('imports an image'),
    export: w('writes a container archive'),
    rename: w('renames a container'),
    update: w('changes container limits'),
    wait: ro('waits for containers'),
    attach: w('attaches to a container'),
    compose,
    container: {
      level: 'read_only',
      why: 'manages containers',
      subcommands: { ls: ro('lists containers'), list: ro('lists containers'), inspect: ro('inspects containers'), logs: ro('prints logs'), exec: dockerExec, rm: w('removes containers'), prune: prune('every stopped container'), stop: w('stops containers'), start: w('starts containers'), run: w('starts a container'), kill: w('kills containers'), restart: w('restarts containers') },
    },
    image: {
      level: 'read_only',
      why: 'manages images',
      subcommands: { ls: ro('lists images'), list: ro('lists images'), inspect: ro('inspects images'), history: ro('shows history'), rm: w('removes images'), prune: w('deletes dangling images, which can be rebuilt', { flags: [{ flags: ['-a', '--all'], level: 'destructive', why: 'deletes every unused image' }] }), pull: w('pulls an image'), push: w('pushes an image'), build: w('builds an image'), tag: w('tags an image') },
    },
    volume: {
      level: 'read_only',
      why: 'manages volumes',
      subcommands: { ls: ro('lists volumes'), list: ro('lists volumes'), inspect: ro('inspects volumes'), create: w('creates a volume'), rm: gone('deletes volumes and their data'), remove: gone('deletes volumes and their data'), prune: prune('every unused volume and its data') },
    },
    network: {
      level: 'read_only',
      why: 'manages networks',
      subcommands: { ls: ro('lists networks'), list: ro('lists networks'), inspect: ro('inspects networks'), create: w('creates a network'), connect: w('connects a container'), disconnect: w('disconnects a container'), rm: w('removes networks'), prune: w('removes unused networks') },
    },
    system: {
      level: 'read_only',
      why: 'manages docker itself',
      subcommands: { df: ro('shows disk use'), info: ro('prints information'), events: ro('streams events'), prune: prune('stopped containers, unused networks, images and build cache') },
    },
    builder: { level: 'writes', why: 'manages the build cache', subcommands: { prune: w('clears the build cache'), ls: ro('lists builders') }, otherSubcommands: { level: 'writes', why: 'manages builders' } },
    context: { level: 'read_only', why: 'manages contexts', subcommands: { ls: ro('lists contexts'), list: ro('lists contexts'), inspect: ro('inspects a context'), show: ro('shows the context'), use: w('switches the context'), create: w('creates a context'), rm: w('removes a context') } },
  },
};

// kustomize plugins and KRM functions (exec, container, starlark) run programs the kustomization names;
// --enable-helm runs helm and pulls charts into the tree.
const kustomizePlugins: Partial<CommandRule> = {
  options: { withValue: ['--helm-command', '-o', '--output', '--mount', '--env', '-e'] },
  flags: [
    { flags: ['--enable-exec', '--enable-alpha-plugins', '--enable-star', '--enable-plugins'], effect: 'always', level: 'writes', why: 'runs plugin programs the kustomization names' },
    { flags: ['--helm-command'], runs: true, effect: 'always', level: 'writes', why: 'runs this program as helm' },
    { flags: ['--enable-helm'], effect: 'always', level: 'writes', why: 'runs helm, which pulls charts into the directory' },
    { flags: ['-o', '--output'], level: 'writes', why: 'writes the output to files' },
  ],
};
const kubectlDryRun: FlagRule = { flags: ['--dry-run'], values: ['client', 'server', ''], effect: 'set', dryRun: true, level: 'read_only', why: 'a dry run; nothing changes in the cluster' };

const kubectl: CommandRule = {
  level: 'read_only',
  why: 'prints kubectl usage',
  options: { withValue: ['-n', '--namespace', '--context', '--kubeconfig', '--cluster', '--user', '-s', '--server', '-o', '--output', '-l', '--selector', '-f', '--filename', '-c', '--container', '--field-selector', '--sort-by', '--token', '--as', '--request-timeout', '-k', '--kustomize', '--replicas', '--image', '--type', '--port', '--timeout', '--since', '--tail', '--for'] },
  flags: [kubectlDryRun, { flags: ['--kubeconfig'], effect: 'always', level: 'writes', why: 'reads a kubeconfig nl-sh does not read (its exec credential plugins run programs)' }],
  subcommands: {
    get: ro('lists resources'),
    describe: ro('describes resources'),
    logs: ro('prints pod logs'),
    top: ro('shows resource use'),
    explain: ro('explains a resource'),
    'api-resources': ro('lists resource types'),
    'api-versions': ro('lists API versions'),
    version: ro('prints the version'),
    'cluster-info': ro('prints cluster information'),
    diff: ro('shows what apply would change'),
    events: ro('lists events'),
    wait: ro('waits for a condition'),
    auth: ro('checks permissions', { subcommands: { 'can-i': ro('checks a permission'), whoami: ro('prints the user'), reconcile: w('changes RBAC') } }),
    config: ro('shows kubeconfig', { subcommands: { view: ro('prints the kubeconfig'), 'get-contexts': ro('lists contexts'), 'current-context': ro('prints the context'), 'get-clusters': ro('lists clusters'), 'get-users': ro('lists users'), 'use-context': w('switches the context'), use: w('switches the context'), 'set-context': w('changes a context'), 'set-cluster': w('changes a cluster'), 'set-credentials': w('changes credentials'), set: w('changes the kubeconfig'), unset: w('changes the kubeconfig'), 'delete-context': w('removes a context'), 'delete-cluster': w('removes a cluster'), 'delete-user': w('removes a user'), 'rename-context': w('renames a context') } }),
    exec: exec(['-c', '--container', '-n', '--namespace', '-f', '--filename', '--pod-running-timeout'], '--'),
    'port-forward': ro('forwards a local port'),
    proxy: ro('proxies the API'),
    apply: w('applies a manifest', { flags: [{ flags: ['--prune'], level: 'destructive', why: 'deletes resources missing from the manifest' }, { flags: ['--force'], level: 'destructive', why: 'deletes and recreates resources' }] }),
    create: w('creates resources'),
    replace: w('replaces resources', { flags: [{ flags: ['--force'], level: 'destructive', why: 'deletes and recreates resources' }] }),
    patch: w('patches resources'),
    edit: w('edits resources'),
    scale: w('scales resources'),
    autoscale: w('sets up autoscaling'),
    rollout: w('manages rollouts', { subcommands: { status: ro('shows rollout status'), history: ro('shows rollout history'), restart: w('restarts pods through a rollout'), undo: w('rolls back to a previous revision'), pause: w('pauses a rollout'), resume: w('resumes a rollout') } }),
    set: w('changes resources'),
    label: w('labels resources'),
    annotate: w('annotates resources'),
    expose: w('creates a service'),
    run: w('starts a pod'),
    cp: w('copies files to or from a pod'),
    attach: w('attaches to a pod'),
    debug: w('starts a debug container'),
    cordon: w('marks a node unschedulable'),
    uncordon: w('marks a node schedulable'),
    taint: w('taints nodes'),
    certificate: w('approves or denies certificates'),
    drain: gone('evicts every pod from a node'),
    delete: gone('deletes resources (and what they own)'),
    plugin: ro('lists plugins'),
    completion: ro('prints shell completion code', { emits: 'shell-setup' }),
    kustomize: ro('renders a kustomization', kustomizePlugins),
  },
};

const helm: CommandRule = {
  level: 'read_only',
  why: 'prints helm usage',
  options: { withValue: ['-n', '--namespace', '--kube-context', '--kubeconfig', '-f', '--values', '--set', '--set-string', '--version', '-o', '--output', '--repo', '--timeout', '--post-renderer', '--post-renderer-args'] },
  flags: [
    // The manifests are piped through this program, in a dry run and in `helm template` too.
    { flags: ['--post-renderer'], runs: true, effect: 'always', level: 'writes', why: 'pipes the rendered manifests through this program' },
    { flags: ['--dry-run'], effect: 'set', dryRun: true, level: 'read_only', why: 'a dry run; nothing is installed' },
  ],
  subcommands: {
    list: ro('lists releases'),
    ls: ro('lists releases'),
    status: ro('shows a release'),
    get: ro('prints release details'),
    history: ro('shows release history'),
    show: ro('shows a chart'),
    inspect: ro('shows a chart'),
    search: ro('searches charts'),
    template: ro('renders templates'),
    lint: ro('checks a chart'),
    version: ro('prints the version'),
    env: ro('prints the environment'),
    verify: ro('verifies a chart'),
    diff: ro('shows changes'),
    completion: ro('prints shell completion code', { emits: 'shell-setup' }),
    install: w('installs a release'),
    upgrade: w('upgrades a release'),
    rollback: w('rolls back a release'),
    test: w('runs release tests'),
    pull: w('downloads a chart'),
    fetch: w('downloads a chart'),
    push: w('pushes a chart'),
    package: w('packages a chart'),
    create: w('creates a chart'),
    repo: w('manages chart repositories', { subcommands: { list: ro('lists repositories'), ls: ro('lists repositories'), add: w('adds a repository'), update: w('updates repository indexes'), remove: w('removes a repository'), rm: w('removes a repository'), index: w('writes an index') } }),
    dependency: w('manages chart dependencies', { subcommands: { list: ro('lists dependencies'), ls: ro('lists dependencies'), update: w('updates dependencies'), build: w('builds dependencies') } }),
    dep: w('manages chart dependencies'),
    plugin: w('manages plugins', { subcommands: { list: ro('lists plugins'), ls: ro('lists plugins'), install: { level: 'writes', why: 'installs a plugin from a local directory (its hooks run)', args: [{ match: '^[a-z][a-z0-9+.-]*://|^git@', level: 'network_exec', why: 'fetches a plugin and runs its install hooks' }] }, update: { level: 'network_exec', why: 'fetches a plugin update and runs its hooks' } }, otherSubcommands: { level: 'writes', why: 'changes plugins' } }),
    registry: w('manages registry logins'),
    uninstall: gone('uninstalls a release and deletes its resources'),
    delete: gone('uninstalls a release and deletes its resources'),
    del: gone('uninstalls a release and deletes its resources'),
    un: gone('uninstalls a release and deletes its resources'),
  },
};

/** Container and cluster tools. */
export const containerRules: Record<string, CommandRule> = {
  docker,
  podman: docker,
  nerdctl: docker,
  'docker-compose': compose,
  'podman-compose': compose,
  kubectl,
  k: kubectl,
  oc: kubectl,
  helm,
  kustomize: { level: 'read_only', why: 'prints kustomize usage', subcommands: { build: { level: 'read_only', why: 'renders a kustomization', ...kustomizePlugins }, version: { level: 'read_only', why: 'prints the version' }, completion: { level: 'read_only', why: 'prints shell completion code', emits: 'shell-setup' } }, otherSubcommands: { level: 'writes', why: 'edits or creates a kustomization, or runs functions' } },
};
