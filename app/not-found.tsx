import Box from "@mui/material/Box";
import { ButtonLink } from "@/components/ui/links";
import Typography from "@mui/material/Typography";
import { getT } from "@/components/i18n/server";

export default async function NotFound() {
  const t = await getT();
  return (
    <Box sx={{ minHeight: "60vh", display: "grid", placeItems: "center", textAlign: "center", p: 4 }}>
      <Box>
        <Typography variant="h1" color="primary.dark" sx={{ fontSize: "4rem" }}>
          404
        </Typography>
        <Typography variant="h2" component="h1" gutterBottom>
          {t("errors.pageNotFound")}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {t("errors.pageNotFoundHint")}
        </Typography>
        <ButtonLink variant="contained" href="/">
          {t("errors.home")}
        </ButtonLink>
      </Box>
    </Box>
  );
}
