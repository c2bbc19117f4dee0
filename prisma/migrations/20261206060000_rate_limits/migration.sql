-- Rate limits and sign-in throttling shared by every app process and instance
-- (docs/decisions/011-security.md): one row per limited key (an address, a user or token, an
-- account name from one address), a fixed window counted by an atomic upsert, and for sign-in
-- failures the instant until which that key must wait. Rows whose window ended a day ago are
-- removed by a periodic job.
CREATE TABLE "rate_limit" (
    "key" VARCHAR(200) NOT NULL,
    "window_start" TIMESTAMPTZ(3) NOT NULL,
    "hits" INTEGER NOT NULL,
    "blocked_until" TIMESTAMPTZ(3),

    CONSTRAINT "rate_limit_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "rate_limit_window_start_idx" ON "rate_limit"("window_start");
