-- CreateTable
CREATE TABLE "DatasetInfo" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "version" INTEGER NOT NULL,
    "updatedAt" TEXT NOT NULL
);

