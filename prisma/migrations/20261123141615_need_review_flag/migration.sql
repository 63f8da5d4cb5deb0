-- AlterTable
ALTER TABLE "need" ADD COLUMN     "reviewReason" TEXT;

