/**
 * An action that imports its module only when its command runs, so `--version` and `--help`
 * load neither the crypto libraries nor the user interface.
 */
export function lazy<N extends string, M extends Record<N, (...args: never[]) => Promise<void>>>(
  load: () => Promise<M>,
  name: N,
) {
  return async (...args: Parameters<M[N]>): Promise<void> => {
    const action = (await load())[name];
    await action(...args);
  };
}
