// The request id of an API call: the caller's (or the balancer's) X-Request-Id when it is a
// plausible token, else a new UUID. Echoed in the answer's header and in every error body, and
// written in the log lines of that request, so one id follows a call from the caller's log
// through nginx to ours.
export const REQUEST_ID_HEADER = "x-request-id";

const PLAUSIBLE = /^[A-Za-z0-9._:-]{8,64}$/;

export function requestIdFrom(value: string | string[] | null | undefined): string {
  const v = Array.isArray(value) ? value[0] : value;
  return v && PLAUSIBLE.test(v) ? v : crypto.randomUUID();
}
