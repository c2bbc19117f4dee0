// A namespace of messages: zh-CN and en side by side, en forced to the same shape.
export type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

export function defineMessages<const T>(zh: T, en: Shape<T>): { zh: T; en: Shape<T> } {
  return { zh, en };
}
