import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: "Actor network explorer: Assad, the Baathists and the jihadists",
  description: "Who supported, infiltrated, fought or traded with whom, and when: dated, sourced relationships from the 1980s to 2015.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
