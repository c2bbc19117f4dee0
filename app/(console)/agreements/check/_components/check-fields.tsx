"use client";
// The eligibility question's pickers inside the plain GET form: the institution by name (its
// code posted as `institution`) and 参保地 (the 6-digit code as `homeRegion`) — the permalink's
// parameters, so a shared link opens the same question.
import { useState } from "react";
import { InstitutionPicker } from "@/components/facilities/institution-picker";
import { RegionPicker, type RegionOption } from "@/components/ui/region-picker";

export function InstitutionField({ initial, label, error }: { initial?: string; label: string; error?: string }) {
  const [code, setCode] = useState(initial ?? "");
  return (
    <InstitutionPicker
      name="institution"
      testId="check-institution"
      label={label}
      value={code}
      onChange={setCode}
      error={Boolean(error)}
      helperText={error}
      width={320}
    />
  );
}

export function HomeRegionField({ initial, label, error }: { initial?: string; label: string; error?: string }) {
  const [value, setValue] = useState<RegionOption | null>(initial ? { code: initial } : null);
  return (
    <RegionPicker
      name="homeRegion"
      testId="check-homeRegion"
      label={label}
      value={value}
      onChange={setValue}
      error={Boolean(error)}
      helperText={error}
      width={240}
    />
  );
}
