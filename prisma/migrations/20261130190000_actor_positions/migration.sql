-- CreateTable
CREATE TABLE "ActorPosition" (
    "actorId" TEXT NOT NULL PRIMARY KEY,
    "x" REAL NOT NULL,
    "y" REAL NOT NULL
);

-- CreateTable
CREATE TABLE "LayoutInfo" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT DEFAULT 1,
    "datasetVersion" INTEGER NOT NULL,
    "algorithm" TEXT NOT NULL,
    "computedAt" TEXT NOT NULL
);

