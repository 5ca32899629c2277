-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "citedAs" TEXT NOT NULL,
    "authors" TEXT NOT NULL,
    "date" TEXT,
    "dateNote" TEXT,
    "title" TEXT NOT NULL,
    "outlet" TEXT,
    "outletNote" TEXT,
    "details" TEXT,
    "kind" TEXT NOT NULL,
    "url" TEXT,
    "notes" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Place" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "description" TEXT
);

-- CreateTable
CREATE TABLE "Actor" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "short" TEXT,
    "description" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "ActorName" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "actorId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "short" TEXT,
    "isAlias" BOOLEAN NOT NULL DEFAULT false,
    "startDate" TEXT,
    "startQualifier" TEXT,
    "endDate" TEXT,
    "endQualifier" TEXT,
    "spanStart" TEXT,
    "spanEnd" TEXT,
    "note" TEXT,
    CONSTRAINT "ActorName_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Relationship" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "fromId" TEXT NOT NULL,
    "toId" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "polarity" TEXT NOT NULL,
    "certainty" TEXT NOT NULL,
    "startDate" TEXT,
    "startQualifier" TEXT,
    "endDate" TEXT,
    "endQualifier" TEXT,
    "spanStart" TEXT,
    "spanEnd" TEXT,
    "summary" TEXT NOT NULL,
    "dateNote" TEXT,
    "note" TEXT,
    CONSTRAINT "Relationship_fromId_fkey" FOREIGN KEY ("fromId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Relationship_toId_fkey" FOREIGN KEY ("toId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Event" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "startDate" TEXT NOT NULL,
    "startQualifier" TEXT NOT NULL,
    "endDate" TEXT,
    "endQualifier" TEXT,
    "spanStart" TEXT NOT NULL,
    "spanEnd" TEXT NOT NULL,
    "placeId" TEXT,
    "certainty" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dateNote" TEXT,
    "note" TEXT,
    CONSTRAINT "Event_placeId_fkey" FOREIGN KEY ("placeId") REFERENCES "Place" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventParticipant" (
    "eventId" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "note" TEXT,

    PRIMARY KEY ("eventId", "actorId", "role"),
    CONSTRAINT "EventParticipant_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventParticipant_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Actor" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EventRelationship" (
    "eventId" TEXT NOT NULL,
    "relationshipId" TEXT NOT NULL,

    PRIMARY KEY ("eventId", "relationshipId"),
    CONSTRAINT "EventRelationship_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "EventRelationship_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "Relationship" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Citation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sourceId" TEXT NOT NULL,
    "relationshipId" TEXT,
    "eventId" TEXT,
    "position" INTEGER NOT NULL,
    "pages" TEXT,
    "note" TEXT NOT NULL,
    CONSTRAINT "Citation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Citation_relationshipId_fkey" FOREIGN KEY ("relationshipId") REFERENCES "Relationship" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Citation_eventId_fkey" FOREIGN KEY ("eventId") REFERENCES "Event" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Actor_kind_idx" ON "Actor"("kind");

-- CreateIndex
CREATE INDEX "ActorName_actorId_idx" ON "ActorName"("actorId");

-- CreateIndex
CREATE INDEX "ActorName_name_idx" ON "ActorName"("name");

-- CreateIndex
CREATE INDEX "Relationship_fromId_idx" ON "Relationship"("fromId");

-- CreateIndex
CREATE INDEX "Relationship_toId_idx" ON "Relationship"("toId");

-- CreateIndex
CREATE INDEX "Relationship_type_idx" ON "Relationship"("type");

-- CreateIndex
CREATE INDEX "Relationship_spanStart_spanEnd_idx" ON "Relationship"("spanStart", "spanEnd");

-- CreateIndex
CREATE INDEX "Event_spanStart_spanEnd_idx" ON "Event"("spanStart", "spanEnd");

-- CreateIndex
CREATE INDEX "EventParticipant_actorId_idx" ON "EventParticipant"("actorId");

-- CreateIndex
CREATE INDEX "EventRelationship_relationshipId_idx" ON "EventRelationship"("relationshipId");

-- CreateIndex
CREATE INDEX "Citation_sourceId_idx" ON "Citation"("sourceId");

-- CreateIndex
CREATE INDEX "Citation_relationshipId_idx" ON "Citation"("relationshipId");

-- CreateIndex
CREATE INDEX "Citation_eventId_idx" ON "Citation"("eventId");

