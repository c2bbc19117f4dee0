-- Region groups (issue 17, docs/decisions/020-region-groups.md): named sets of regions used as
-- filters through the token group:<slug>. Members are 6-digit region codes of any level.
CREATE TYPE "RegionGroupVisibility" AS ENUM ('NATIONAL', 'OWNER_REGION');

CREATE TABLE "region_group" (
    "id" UUID NOT NULL,
    "slug" VARCHAR(40) NOT NULL,
    "name_zh" VARCHAR(40) NOT NULL,
    "name_en" VARCHAR(80) NOT NULL,
    "description" VARCHAR(500) NOT NULL DEFAULT '',
    "members" TEXT[],
    "owner_bureau_id" UUID NOT NULL,
    "visibility" "RegionGroupVisibility" NOT NULL DEFAULT 'NATIONAL',
    "retired" BOOLEAN NOT NULL DEFAULT false,
    "version" INTEGER NOT NULL DEFAULT 1,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "region_group_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "region_group_slug_format" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    CONSTRAINT "region_group_members_nonempty" CHECK (cardinality("members") > 0)
);

CREATE UNIQUE INDEX "region_group_slug_key" ON "region_group"("slug");
CREATE INDEX "region_group_owner_bureau_id_idx" ON "region_group"("owner_bureau_id");
ALTER TABLE "region_group" ADD CONSTRAINT "region_group_owner_bureau_id_fkey" FOREIGN KEY ("owner_bureau_id") REFERENCES "bureau"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The groups are cached per process (lib/regions/groups/queries.ts): every change notifies.
CREATE TRIGGER region_group_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON region_group
  FOR EACH STATEMENT EXECUTE FUNCTION app_cache_notify_statement('regionGroups');
