-- AlterTable
ALTER TABLE "org_unit" ADD COLUMN     "nameEn" TEXT;

-- AlterTable
ALTER TABLE "team" ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'zh',
ADD COLUMN     "nameEn" TEXT;

-- AlterTable
ALTER TABLE "person" ADD COLUMN     "localeSource" TEXT NOT NULL DEFAULT 'default';


-- AlterTable
ALTER TABLE "web_message" ADD COLUMN     "locale" TEXT,
ADD COLUMN     "mine" BOOLEAN NOT NULL DEFAULT false;
