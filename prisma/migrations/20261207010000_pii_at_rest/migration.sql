-- Complainant phone and ID number encrypted by the application (docs/decisions/012-pii-at-rest.md).
-- Each value is `v1:<keyId>:<base64url(iv ‖ ciphertext ‖ tag)>` (AES-256-GCM, lib/crypto/pii.ts);
-- beside it an HMAC-SHA-256 of its normal form (hex) for exact-match search.
-- SQL cannot see the key: rows written before this migration keep their clear values until the
-- prepare step (lib/db/prepare.ts → encryptPendingIdentities) encrypts them and nulls the clear
-- columns in the same transaction. The clear columns stay (always null afterwards) until a later
-- migration drops them, once every deployment has run the prepare step of this release.
ALTER TABLE "complaint_identity"
    ADD COLUMN "phone_enc" TEXT,
    ADD COLUMN "phone_hmac" VARCHAR(64),
    ADD COLUMN "id_number_enc" TEXT,
    ADD COLUMN "id_number_hmac" VARCHAR(64);

CREATE INDEX "complaint_identity_phone_hmac_idx" ON "complaint_identity"("phone_hmac");
CREATE INDEX "complaint_identity_id_number_hmac_idx" ON "complaint_identity"("id_number_hmac");
-- The rows still holding clear values: the prepare step finds them without a scan (none, usually).
CREATE INDEX "complaint_identity_clear_idx" ON "complaint_identity"("complaint_id") WHERE "phone" IS NOT NULL OR "id_number" IS NOT NULL;
