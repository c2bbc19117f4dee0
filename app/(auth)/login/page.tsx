import { redirect } from "next/navigation";
import Box from "@mui/material/Box";
import Paper from "@mui/material/Paper";
import Typography from "@mui/material/Typography";
import Stack from "@mui/material/Stack";
import { currentActor } from "@/components/layout/require";
import { getT } from "@/components/i18n/server";
import { LanguageSwitch } from "@/components/layout/language-switch";
import { LoginForm } from "./_components/login-form";
import { safeCallbackPath } from "@/lib/http/redirect";

export async function generateMetadata() {
  return { title: (await getT())("auth.signIn") };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  if (await currentActor()) redirect("/");
  const t = await getT();
  const { callbackUrl } = await searchParams;
  // Only same-site paths: never redirect to another origin after sign-in.
  const target = safeCallbackPath(callbackUrl);
  return (
    <Box
      sx={{
        minHeight: "100vh",
        display: "grid",
        gridTemplateColumns: { xs: "1fr", md: "1.1fr 1fr" },
        bgcolor: "background.default",
      }}
    >
      <Box
        sx={{
          display: { xs: "none", md: "flex" },
          flexDirection: "column",
          justifyContent: "space-between",
          p: 6,
          color: "#fff",
          background: "linear-gradient(160deg, #123a66 0%, #1a4f8b 55%, #2f6db3 100%)",
        }}
      >
        <Stack direction="row" spacing={1.5} sx={{ alignItems: "center" }}>
          <Box
            aria-hidden
            sx={{
              width: 40,
              height: 40,
              borderRadius: "50%",
              bgcolor: "#fff",
              color: "#1a4f8b",
              display: "grid",
              placeItems: "center",
              fontWeight: 700,
            }}
          >
            医
          </Box>
          <Typography variant="h3" component="div">
            {t("common.appName")}
          </Typography>
        </Stack>
        <Box>
          <Typography variant="h1" component="p" sx={{ fontSize: "2rem", mb: 2 }}>
            {t("auth.signInSubtitle")}
          </Typography>
          <Typography sx={{ opacity: 0.85, maxWidth: 520, lineHeight: 1.9 }}>{t("home.facilitiesDesc")}</Typography>
          <Typography sx={{ opacity: 0.85, maxWidth: 520, lineHeight: 1.9 }}>{t("home.complaintsDesc")}</Typography>
        </Box>
        <Typography variant="body2" sx={{ opacity: 0.7 }}>
          {t("auth.securityNote")}
        </Typography>
      </Box>
      <Box sx={{ display: "flex", alignItems: "center", justifyContent: "center", p: 3, position: "relative" }}>
        <Box sx={{ position: "absolute", top: 16, right: 16 }}>
          <LanguageSwitch />
        </Box>
        <Paper sx={{ width: "100%", maxWidth: 400, p: 4 }}>
          <Typography variant="h2" component="h1" gutterBottom>
            {t("auth.signInTitle")}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ mb: 3 }}>
            {t("common.appName")}
          </Typography>
          <LoginForm callbackUrl={target} />
        </Paper>
      </Box>
    </Box>
  );
}
