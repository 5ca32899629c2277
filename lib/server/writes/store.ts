import "server-only";
import type { Prisma } from "../generated/prisma/client";
import type { PrismaClient } from "../store/prisma-client";

/** The client, or the transaction a write runs in. */
export type Tx = Prisma.TransactionClient | PrismaClient;
