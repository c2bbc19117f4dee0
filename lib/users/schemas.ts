// Boundary schemas for users. Messages are i18n keys, translated by the caller's locale.
import { z } from "zod";
import { ROLES } from "../auth/roles";

export const roleSchema = z.enum(ROLES, { error: "validation.invalidEnum" });

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

const displayNameSchema = z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(40, "validation.tooLong");

export const createUserSchema = z.object({
  username: usernameSchema,
  displayName: displayNameSchema,
  bureauId: z.uuid({ error: "validation.required" }),
  roles: z.array(roleSchema).min(1, "validation.atLeastOneRole"),
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    displayName: displayNameSchema.optional(),
    roles: z.array(roleSchema).min(1, "validation.atLeastOneRole").optional(),
    disabled: z.boolean({ error: "validation.invalid" }).optional(),
    /** Optimistic lock: the version the client read. */
    version: z.number({ error: "validation.required" }).int().positive(),
  })
  .strict();
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
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], message: "validation.passwordMismatch" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const listUsersSchema = z.object({
  q: z.string().trim().max(40).optional(),
  bureauId: z.uuid({ error: "validation.invalid" }).optional(),
  role: roleSchema.optional(),
  status: z.enum(["active", "disabled", "locked"], { error: "validation.invalidEnum" }).optional(),
  page: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(100000).default(1),
  pageSize: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(200).default(20),
});
export type ListUsersInput = z.infer<typeof listUsersSchema>;

export const createTokenSchema = z.object({
  name: z.string({ error: "validation.required" }).trim().min(1, "validation.required").max(60, "validation.tooLong"),
  expiresInDays: z.coerce.number({ error: "validation.invalid" }).int().min(1).max(365).optional(),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
