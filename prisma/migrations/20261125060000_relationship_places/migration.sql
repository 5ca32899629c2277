-- CreateTable
CREATE TABLE "RelationshipPlace" (
    "relationshipId" TEXT NOT NULL,
    "placeId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    PRIMARY KEY ("relationshipId", "placeId"),
    CONSTRAINT "RelationshipPlace_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "Relationship" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RelationshipPlace_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "RelationshipPlace_placeId_idx" ON "RelationshipPlace"("placeId");

