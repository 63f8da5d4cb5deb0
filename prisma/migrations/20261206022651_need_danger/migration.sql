-- AlterTable
ALTER TABLE "need" ADD COLUMN     "danger" TEXT,
ADD COLUMN     "dangerFamilies" TEXT[] DEFAULT ARRAY[]::TEXT[];

