/**
 * Stand-ins for models whose code loads on first use.
 *
 * Most of the SDK's code is in its models, and most model methods are asynchronous. On Node, a
 * model's object is built from its shape (`shapes.generated.ts`): every asynchronous method is a
 * small function that imports the model's code on its first call, then calls the real method.
 * Synchronous members (constants, URL builders, pure checks) are built at once from small modules
 * of their own. `import 'balena-sdk'` then compiles a fraction of the code.
 */

/**
 * One member of a model: an async method or a method returning an async iterator, each with its
 * declared parameter count (`'async:2'`), or a namespace.
 */
export type MemberShape = `async:${number}` | `iterator:${number}` | ModelShape;

/** The asynchronous members of a model, by name, nested namespaces included. */
export interface ModelShape {
  readonly [member: string]: MemberShape;
}

type Callable = (...args: unknown[]) => unknown;

function memberAt(model: unknown, path: readonly string[]): { owner: object; method: Callable } {
  let owner = model as Record<string, unknown>;
  for (const name of path.slice(0, -1)) owner = owner[name] as Record<string, unknown>;
  const method = owner[path[path.length - 1]];
  if (typeof method !== 'function') {
    throw new TypeError(`models: ${path.join('.')} is not a method of the loaded model`);
  }
  return { owner, method: method as Callable };
}

/**
 * Builds a model whose asynchronous members load the model's code on their first call.
 *
 * @param load - builds the real model (imports its module); called once, again only after a failure.
 * @param shape - the model's asynchronous members.
 * @param syncMembers - builds the synchronous members; `current()` is the real model once loaded.
 * @returns an object with every member of the real model.
 * @throws {Error} never; a failed load rejects the call that caused it.
 * @example
 * const device = createLazyModel(() => import('./device/index.js').then((m) => m.createDeviceModel(ctx)),
 *   MODEL_SHAPES.device, () => createDeviceSyncMethods(ctx));
 */
export function createLazyModel<M extends object>(
  load: () => Promise<M>,
  shape: ModelShape,
  syncMembers: (current: () => M | undefined) => object,
): M {
  let model: M | undefined;
  let loading: Promise<M> | undefined;
  const loaded = (): Promise<M> =>
    (loading ??= load().then(
      (real) => (model = real),
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));

  const call = async (path: readonly string[], args: unknown[]) => {
    const { owner, method } = memberAt(await loaded(), path);
    return method.apply(owner, args);
  };
  async function* iterate(path: readonly string[], args: unknown[]) {
    const { owner, method } = memberAt(await loaded(), path);
    yield* method.apply(owner, args) as AsyncIterable<unknown>;
  }
  const standIns = (level: ModelShape, path: readonly string[]): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(level).map(([name, kind]) => {
        const memberPath = [...path, name];
        if (typeof kind !== 'string') return [name, standIns(kind, memberPath)];
        const [type, arity] = kind.split(':');
        const standIn =
          type === 'iterator'
            ? (...args: unknown[]) => iterate(memberPath, args)
            : (...args: unknown[]) => call(memberPath, args);
        // The real method's name and parameter count, as code inspecting functions expects.
        Object.defineProperties(standIn, {
          name: { value: name },
          length: { value: Number(arity) },
        });
        return [name, standIn];
      }),
    );

  return { ...syncMembers(() => model), ...standIns(shape, []) } as M;
}
