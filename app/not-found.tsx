import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main>
      <h1>Page not found</h1>
      <p className="lede">There is no page at this address.</p>
      <ul>
        <li>
          <Link href="/">Go to the network explorer</Link>
        </li>
        <li>
          <Link href="/data">See all the data as tables</Link>
        </li>
      </ul>
    </main>
  );
}
