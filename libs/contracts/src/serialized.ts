// A shape as the API's JSON carries it to the console.

/** `T` after JSON.stringify: every Date an ISO 8601 string, in arrays and nested objects too. */
export type Serialized<T> = T extends Date
  ? string
  : T extends ReadonlyArray<infer U>
    ? Serialized<U>[]
    : T extends object
      ? { [K in keyof T]: Serialized<T[K]> }
      : T;
