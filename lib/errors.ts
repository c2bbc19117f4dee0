// Domain errors. Services throw these; the action wrapper and the HTTP layer map them to
// `{ ok: false, … }` or to `{ error: { code, message, details } }` with a status code.
// `messageKey` is a key of the i18n catalogue so the same error reads in zh-CN and en.

/** A message by catalogue key, translated at the edge (UI or HTTP) in the caller's locale. */
export interface MessageRef {
  key: string;
  params?: Record<string, string | number>;
}
export type FieldErrors = Record<string, MessageRef[]>;

export type ErrorCode =
  | "VALIDATION"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "INVALID_STATE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "PAYLOAD_TOO_LARGE"
  | "METHOD_NOT_ALLOWED"
  | "PASSWORD_CHANGE_REQUIRED"
  | "RATE_LIMITED";

const STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_STATE: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  PASSWORD_CHANGE_REQUIRED: 403,
  RATE_LIMITED: 429,
};

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(`${code}: ${messageKey}`);
    this.name = new.target.name;
  }
  get status(): number {
    return STATUS[this.code];
  }
}

export class ValidationError extends DomainError {
  constructor(fieldErrors: FieldErrors, messageKey = "errors.validation") {
    super("VALIDATION", messageKey, {}, fieldErrors);
  }
}
export class UnauthenticatedError extends DomainError {
  constructor(messageKey = "errors.unauthenticated") {
    super("UNAUTHENTICATED", messageKey);
  }
}
export class ForbiddenError extends DomainError {
  constructor(messageKey = "errors.forbidden", params: Record<string, string | number> = {}) {
    super("FORBIDDEN", messageKey, params);
  }
}
/**
 * The caller lacks the role an operation needs: 403 naming the roles (any one of them suffices).
 * Outside the caller's region scope is a NotFoundError instead (docs/api.md "Authorization").
 */
export class RoleRequiredError extends ForbiddenError {
  constructor(readonly roles: readonly string[]) {
    super("errors.roleRequired", { roles: roles.join(" / ") });
  }
}
/** Also used for records outside the caller's scope, so their existence is not revealed. */
export class NotFoundError extends DomainError {
  constructor(messageKey = "errors.notFound", params: Record<string, string | number> = {}) {
    super("NOT_FOUND", messageKey, params);
  }
}
export class ConflictError extends DomainError {
  constructor(
    messageKey = "errors.conflict",
    params: Record<string, string | number> = {},
    fieldErrors: FieldErrors = {},
  ) {
    super("CONFLICT", messageKey, params, fieldErrors);
  }
}
export class InvalidStateError extends DomainError {
  constructor(messageKey: string, params: Record<string, string | number> = {}) {
    super("INVALID_STATE", messageKey, params);
  }
}
/** A user with a temporary password may do nothing but change it. */
export class PasswordChangeRequiredError extends DomainError {
  constructor() {
    super("PASSWORD_CHANGE_REQUIRED", "auth.mustChangePassword");
  }
}
export class UnsupportedMediaTypeError extends DomainError {
  constructor(messageKey = "errors.unsupportedMediaType", params: Record<string, string | number> = {}) {
    super("UNSUPPORTED_MEDIA_TYPE", messageKey, params);
  }
}
export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super("PAYLOAD_TOO_LARGE", "errors.payloadTooLarge", { limit: `${Math.round(limitBytes / 1024)} KiB` });
  }
}
export class MethodNotAllowedError extends DomainError {
  constructor(
    method: string,
    readonly allowed: readonly string[],
  ) {
    super("METHOD_NOT_ALLOWED", "errors.methodNotAllowed", { method, allowed: allowed.join(", ") });
  }
}
export class RateLimitedError extends DomainError {
  constructor(messageKey = "errors.rateLimited", params: Record<string, string | number> = {}) {
    super("RATE_LIMITED", messageKey, params);
  }
}
