// The API's enum casing (docs/api.md "Values", decision 017/028): every enum value on the wire is
// UPPER_SNAKE. Where a domain keeps a camelCase name internally (a message key, a status the
// screens translate by key), the answer is translated here, at the edge, once.

/** `incompleteBase` → `INCOMPLETE_BASE`, `notYetEffective` → `NOT_YET_EFFECTIVE`, `ok` → `OK`. */
export function upperSnake<T extends string>(value: T): Uppercase<string> {
  return value.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase() as Uppercase<string>;
}
