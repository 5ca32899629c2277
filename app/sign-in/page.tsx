import type { Metadata } from "next";
import Link from "next/link";
import { SignInForm } from "@/components/editing/SignInForm";

export const metadata: Metadata = { title: "Sign in to edit" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = (await searchParams).next;
  return (
    <main>
      <p className="back">
        <Link href="/">← Back to the network explorer</Link>
      </p>
      <SignInForm next={typeof next === "string" ? next : undefined} />
    </main>
  );
}
