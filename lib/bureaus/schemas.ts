import { z } from "zod";

export const bureauLevelSchema = z.enum(["NATIONAL", "PROVINCIAL", "MUNICIPAL"], { error: "validation.invalidEnum" });

export const createBureauSchema = z.object({
  regionCode: z.string({ error: "validation.required" }).regex(/^\d{6}$/, "validation.invalidRegionCode"),
  name: z.string({ error: "validation.required" }).trim().min(2, "validation.required").max(60, "validation.tooLong"),
  nameEn: z
    .string({ error: "validation.required" })
    .trim()
    .min(2, "validation.required")
    .max(120, "validation.tooLong"),
  makerChecker: z.boolean({ error: "validation.invalid" }).default(false),
});
export type CreateBureauInput = z.infer<typeof createBureauSchema>;

export const updateBureauSchema = z
  .object({
    name: z.string().trim().min(2, "validation.required").max(60, "validation.tooLong").optional(),
    nameEn: z.string().trim().min(2, "validation.required").max(120, "validation.tooLong").optional(),
    makerChecker: z.boolean({ error: "validation.invalid" }).optional(),
    version: z.number({ error: "validation.required" }).int().positive(),
  })
  .strict();
export type UpdateBureauInput = z.infer<typeof updateBureauSchema>;
