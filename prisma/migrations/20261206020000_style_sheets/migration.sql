-- Frozen MUI stylesheets (docs/decisions/010-scale-out.md, "Pages"): each app process freezes the
-- Emotion rules its pages keep using into a content-addressed sheet that pages link instead of
-- inlining; stored here so any instance can serve any sheet a page refers to.
CREATE TABLE "ui_style_sheet" (
    "hash" VARCHAR(32) NOT NULL,
    "css" TEXT NOT NULL,
    "refreshed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ui_style_sheet_pkey" PRIMARY KEY ("hash")
);
