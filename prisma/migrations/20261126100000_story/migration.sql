-- CreateTable
CREATE TABLE "StoryStep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "date" TEXT NOT NULL,
    "fromDate" TEXT,
    "caption" TEXT NOT NULL,
    "dataNote" TEXT
);

-- CreateTable
CREATE TABLE "StoryStepActor" (
    "stepId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("stepId", "actorId"),
    CONSTRAINT "StoryStepActor_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "StoryStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StoryStepActor_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "StoryStepRelationship" (
    "stepId" TEXT NOT NULL,
    "relationshipId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("stepId", "relationshipId"),
    CONSTRAINT "StoryStepRelationship_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "StoryStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "StoryStepRelationship_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "Relationship" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Citation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "relationshipId" TEXT,
    "eventId" TEXT,
    "storyStepId" TEXT,
    "position" INTEGER NOT NULL,
    "pages" TEXT,
    "note" TEXT NOT NULL,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "Relationship" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_storyStepId_fkey" FOREIGN KEY ("storyStepId") REFERENCES "StoryStep" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Citation" ("eventId", "id", "note", "pages", "position", "relationshipId", "sourceId") SELECT "eventId", "id", "note", "pages", "position", "relationshipId", "sourceId" FROM "Citation";
DROP TABLE "Citation";
ALTER TABLE "new_Citation" RENAME TO "Citation";
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");
CREATE INDEX "Citation_relationshipId_idx" ON "Citation"("relationshipId");
CREATE INDEX "Citation_eventId_idx" ON "Citation"("eventId");
CREATE INDEX "Citation_storyStepId_idx" ON "Citation"("storyStepId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "StoryStep_position_key" ON "StoryStep"("position");

-- CreateIndex
CREATE INDEX "StoryStepActor_actorId_idx" ON "StoryStepActor"("actorId");

-- CreateIndex
CREATE INDEX "StoryStepRelationship_relationshipId_idx" ON "StoryStepRelationship"("relationshipId");

