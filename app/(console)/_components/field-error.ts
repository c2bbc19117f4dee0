// One line under a field from an action's fieldErrors. A value can break several rules that
// share a message (e.g. the password's length and its letters-and-digits check): say it once.
export function fieldError(fieldErrors: Record<string, string[]>, field: string): string | undefined {
  const messages = fieldErrors[field];
  return messages?.length ? [...new Set(messages)].join("；") : undefined;
}
