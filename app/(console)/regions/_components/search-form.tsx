// A plain GET form: the search lives in the URL (?code=…&q=…) and is rendered on the server,
// so it needs no client code and works before hydration.
import Box from "@mui/material/Box";
import Button from "@mui/material/Button";
import InputAdornment from "@mui/material/InputAdornment";
import TextField from "@mui/material/TextField";
import SearchIcon from "@mui/icons-material/Search";
import { NATION_CODE } from "@/lib/auth/roles";
import { SEARCH_MAX_LENGTH } from "@/lib/regions/schemas";
import { ButtonLink } from "@/components/ui/links";
import type { Translate } from "@/lib/i18n";
import { regionHref } from "./region-href";

export function SearchForm({ code, q, error, t }: { code: string; q: string; error?: string; t: Translate }) {
  return (
    <Box
      component="form"
      method="get"
      action="/regions"
      role="search"
      sx={{ display: "flex", gap: 1, alignItems: "flex-start", flexWrap: "wrap" }}
    >
      {code !== NATION_CODE && <input type="hidden" name="code" value={code} />}
      <TextField
        name="q"
        defaultValue={q}
        label={t("regions.search.label")}
        placeholder={t("regions.search.placeholder")}
        error={Boolean(error)}
        helperText={error}
        sx={{ width: { xs: "100%", sm: 320 } }}
        slotProps={{
          htmlInput: { maxLength: SEARCH_MAX_LENGTH, "data-testid": "region-search" },
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
        }}
      />
      <Button type="submit" variant="contained" sx={{ height: 40 }}>
        {t("regions.search.submit")}
      </Button>
      {q && (
        <ButtonLink href={regionHref(code)} sx={{ height: 40 }}>
          {t("regions.search.clear")}
        </ButtonLink>
      )}
    </Box>
  );
}
