import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { CspClient } from "./csp-client";
import "./globals.css";

export const metadata: Metadata = {
  title: "Actor network explorer: Assad, the Baathists and the jihadists",
  description: "Who supported, infiltrated, fought or traded with whom, and when: dated, sourced relationships from the 1980s to 2015.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request, the 404 page included: the Content-Security-Policy allows
  // only scripts carrying this request's nonce (proxy.ts), and a page prerendered at build time
  // would carry none.
  await connection();
  return (
    <html lang="en">
      <body>
        <CspClient />
        {children}
      </body>
    </html>
  );
}
