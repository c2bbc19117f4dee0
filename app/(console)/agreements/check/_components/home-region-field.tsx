"use client";
// 参保地 of the eligibility question: a region picker inside the plain GET form, submitting the
// 6-digit code as `homeRegion` (the permalink's parameter).
import { useState } from "react";
import { RegionPicker, type RegionOption } from "@/components/ui/region-picker";

export function HomeRegionField({ initial, label, error }: { initial?: string; label: string; error?: string }) {
  const [value, setValue] = useState<RegionOption | null>(initial ? { code: initial } : null);
  return <RegionPicker name="homeRegion" testId="check-homeRegion" label={label} value={value} onChange={setValue} error={Boolean(error)} helperText={error} width={240} />;
}
