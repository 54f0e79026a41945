// Strict test doubles: reading a property the double does not define throws,
// so a misspelt or unexpected call fails the test instead of passing silently.
export function strict<T extends object>(impl: Partial<T>, name = 'double'): T {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON' || prop === 'asymmetricMatch' || prop === '$$typeof' || prop === 'nodeType') {
        return Reflect.get(target, prop, receiver);
      }
      if (!(prop in target)) throw new Error(`${name}: unexpected access to "${String(prop)}"`);
      return Reflect.get(target, prop, receiver);
    },
  }) as T;
}
