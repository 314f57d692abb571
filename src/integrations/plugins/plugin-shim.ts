// Source evaluated inside each plugin's isolate before the plugin's own code: it installs `run`
// and `readFile` (over host References) and returns the one function the host calls. Built-ins
// are captured first so the plugin cannot swap JSON or Reflect under it; every hook result
// leaves the isolate as one JSON string (or its length when too long), never as live objects.

/**
 * The host-function installer: `$0` is the run Reference, `$1` the readFile Reference. Host
 * functions never reject (a rejection crossing isolates can surface in the host as unhandled):
 * they resolve to { ok, value } or { ok: false, error }, and the error is thrown here instead.
 */
export const hostFnsSource = `
const runRef = $0, readRef = $1, Err = Error;
const opts = { arguments: { copy: true }, result: { promise: true, copy: true } };
const unwrap = (r) => { if (r.ok) return r.value; throw new Err(r.error); };
Object.defineProperty(globalThis, 'run', { value: async (argv) => unwrap(await runRef.apply(undefined, [argv], opts)), enumerable: true });
Object.defineProperty(globalThis, 'readFile', { value: async (path) => unwrap(await readRef.apply(undefined, [path], opts)), enumerable: true });
`;

/**
 * The dispatcher's source, an expression: `call(op, argJson, maxChars)`. op 'bind' takes the
 * module namespace (as argJson); 'describe' returns { name, hooks }; a hook name calls that hook
 * with JSON.parse(argJson). Returns the result as JSON, or its length when over maxChars.
 */
export const dispatcherSource = `(() => {
  const stringify = JSON.stringify, parse = JSON.parse, apply = Reflect.apply, isArray = Array.isArray;
  const hooks = ['detect', 'context', 'rules', 'onCommandDone'];
  const TypeErr = TypeError;
  let plugin;
  const replacer = function (key, value) {
    const t = typeof value;
    if (t === 'function' || t === 'symbol' || t === 'bigint') throw new TypeErr('not serialisable: ' + (key === '' ? 'the result' : stringify(String(key)).slice(0, 40)) + ' is a ' + t);
    if (isArray(value) && value.length > 1000) throw new TypeErr('not serialisable: an array of ' + value.length + ' items');
    return value;
  };
  const out = (value, maxChars) => {
    const json = stringify(value === undefined ? null : value, replacer);
    return json.length > maxChars ? json.length : json;
  };
  return async function call(op, arg, maxChars) {
    if (op === 'bind') { plugin = arg.default; return 'null'; }
    if (op === 'describe') {
      if (typeof plugin !== 'object' || plugin === null) return 'null';
      const name = plugin.name;
      return out({ name: typeof name === 'string' ? name : null, hooks: hooks.filter((h) => typeof plugin[h] === 'function') }, maxChars);
    }
    const fn = plugin[op];
    if (typeof fn !== 'function') throw new TypeErr(op + ' is not a function');
    return out(await apply(fn, plugin, arg === undefined ? [] : [parse(arg)]), maxChars);
  };
})()`;
