// Boundary schemas for users. Messages are i18n keys, translated by the caller's locale.
import { z } from "zod";
import { pageOf, pageParams } from "../http/query";
import { ROLES } from "../auth/roles";

export const roleSchema = z.enum(ROLES, { error: "validation.invalidEnum" }).meta({ id: "Role" });

export const passwordSchema = z
  .string({ error: "validation.required" })
  .min(10, "validation.passwordRule")
  .max(128, "validation.passwordRule")
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), "validation.passwordRule");

export const usernameSchema = z
  .string({ error: "validation.required" })
  .trim()
  .toLowerCase()
  .min(3, "validation.usernameRule")
  .max(40, "validation.usernameRule")
  .regex(/^[a-z][a-z0-9_.-]*$/, "validation.usernameRule");

const displayNameSchema = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, "validation.required")
  .max(40, "validation.tooLong");

export const createUserSchema = z
  .object({
    username: usernameSchema,
    displayName: displayNameSchema,
    bureauId: z.uuid({ error: "validation.required" }),
    roles: z.array(roleSchema).min(1, "validation.atLeastOneRole"),
    password: passwordSchema,
  })
  .meta({ id: "CreateUser", description: "A new user. The password must be changed at first sign-in." });
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    roles: z.array(roleSchema).min(1, "validation.atLeastOneRole").optional(),
    disabled: z.boolean({ error: "validation.invalid" }).optional(),
    /** Optimistic lock: the version the client read. */
    version: z.number({ error: "validation.required" }).int().positive(),
  })
  .strict()
  .meta({
    id: "UpdateUser",
    description: "Only the fields given change. `version` is the one last read; a stale one gives 409.",
  });
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z.object({
  password: passwordSchema,
  version: z.number({ error: "validation.required" }).int().positive(),
});
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

export const changePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "validation.required" }).min(1, "validation.required"),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "validation.required" }),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "validation.passwordMismatch",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const listUsersSchema = z.object({
  q: z.string().trim().max(40).optional(),
  bureauId: z.uuid({ error: "validation.invalid" }).optional(),
  role: roleSchema.optional(),
  status: z.enum(["ACTIVE", "DISABLED", "LOCKED"], { error: "validation.invalidEnum" }).optional(),
  ...pageParams(20),
});
export type ListUsersInput = z.infer<typeof listUsersSchema>;

export const createTokenSchema = z.object({
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(60, "validation.tooLong"),
  expiresInDays: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(365).optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

// ---- HTTP API ------------------------------------------------------------------------

export const userIdParamsSchema = z.object({ id: z.string().meta({ description: "User id (UUID)" }) });

/** DELETE /users/{id}?version=… — the version the caller last read. */
export const disableUserQuerySchema = z.object({
  version: z
    .string({ error: "validation.required" })
    .regex(/^[1-9]\d{0,8}$/, "validation.invalid")
    .meta({ description: "The user's version as last read; a stale one gives 409" }),
});

const bureauRefSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    nameEn: z.string(),
    level: z.enum(["NATIONAL", "PROVINCIAL", "MUNICIPAL"]),
    regionCode: z.string().meta({ description: "GB/T 2260 code of the bureau's region" }),
  })
  .meta({ id: "BureauRef" });

const timestamp = z.iso.datetime();

export const userSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    bureau: bureauRefSchema,
    roles: z.array(roleSchema),
    disabled: z.boolean(),
    locked: z.boolean().meta({ description: "Locked after repeated failed sign-ins, until lockedUntil" }),
    lockedUntil: timestamp.nullable(),
    lastLoginAt: timestamp.nullable(),
    mustChangePassword: z.boolean(),
    version: z.number().int().meta({ description: "Optimistic-lock version; send it back with PATCH and DELETE" }),
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .meta({ id: "User" });

export const userPageSchema = pageOf(userSchema).meta({ id: "UserPage" });

export const meSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    bureau: bureauRefSchema
      .omit({ regionCode: true })
      .extend({
        region: z
          .object({ code: z.string(), name: z.string() })
          .meta({ description: "The bureau's region: the caller's scope" }),
      })
      .meta({ id: "MeBureau" }),
    roles: z.array(roleSchema),
  })
  .meta({ id: "Me" });
