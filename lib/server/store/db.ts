import "server-only";
import { createPrismaClient, type PrismaClient } from "./prisma-client";

// One client per process. Development reloads modules on every change, so the client is kept on
// globalThis and read back from there instead of opening a new connection each time.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
