// A tolerant reader for the part of a kubeconfig nl-sh needs: `current-context` and, for each
// context, its cluster and namespace. Kubeconfigs are machine-written YAML (or JSON) in a simple
// shape, so a line reader suffices; anything it cannot read is left out, never guessed.

/** One context from a kubeconfig. */
export interface KubeContext {
  name: string;
  cluster?: string;
  namespace?: string;
}

/** What nl-sh reads from a kubeconfig. */
export interface KubeConfig {
  currentContext?: string;
  contexts: KubeContext[];
}

function scalar(text: string): string {
  const value = text.replace(/\s+#.*$/, '').trim();
  const quoted = /^"(.*)"$|^'(.*)'$/.exec(value);
  return quoted ? (quoted[1] ?? quoted[2] ?? '') : value;
}

function fromJson(text: string): KubeConfig {
  const doc = JSON.parse(text) as { 'current-context'?: unknown; contexts?: { name?: unknown; context?: { cluster?: unknown; namespace?: unknown } }[] };
  const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
  const contexts = (Array.isArray(doc.contexts) ? doc.contexts : []).flatMap((c) => {
    const name = str(c?.name);
    return name ? [{ name, cluster: str(c.context?.cluster), namespace: str(c.context?.namespace) }] : [];
  });
  return { currentContext: str(doc['current-context']), contexts };
}

/** Read `current-context` and the contexts list from kubeconfig text (YAML or JSON). */
export function parseKubeconfig(text: string): KubeConfig {
  if (text.trimStart().startsWith('{')) {
    try {
      return fromJson(text);
    } catch {
      return { contexts: [] };
    }
  }
  const config: KubeConfig = { contexts: [] };
  let inContexts = false;
  let listIndent: number | undefined;
  let item: (Partial<KubeContext> & { col: number }) | undefined;
  const flush = (): void => {
    if (item?.name) config.contexts.push({ name: item.name, ...(item.cluster ? { cluster: item.cluster } : {}), ...(item.namespace ? { namespace: item.namespace } : {}) });
    item = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const top = /^([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (top) {
      flush();
      inContexts = top[1] === 'contexts';
      listIndent = undefined;
      if (top[1] === 'current-context') config.currentContext = scalar(top[2] ?? '') || undefined;
      continue;
    }
    if (!inContexts) continue;
    const entry = /^( *)(- +)?([A-Za-z-]+):\s*(.*)$/.exec(line);
    if (!entry) continue;
    const indent = (entry[1] ?? '').length;
    const col = indent + (entry[2] ?? '').length;
    if (entry[2] !== undefined) listIndent ??= indent;
    if (entry[2] !== undefined && indent === listIndent) {
      flush();
      item = { col };
    }
    const [key, value] = [entry[3], scalar(entry[4] ?? '')];
    if (!item || !value) continue;
    // `name` is the item's own key; cluster and namespace sit one level down, under `context:`.
    // Deeper keys (a context's `extensions`, which have names of their own) are not read.
    if (key === 'name' && col === item.col) item.name = value;
    if ((key === 'cluster' || key === 'namespace') && col > item.col && col <= item.col + 4) item[key] = value;
  }
  flush();
  return config;
}

/** The current context with its details, when the config names one. */
export function currentKubeContext(config: KubeConfig): KubeContext | undefined {
  const name = config.currentContext;
  if (!name) return undefined;
  return config.contexts.find((c) => c.name === name) ?? { name };
}
