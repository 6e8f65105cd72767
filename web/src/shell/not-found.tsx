import { Link } from 'wouter';

export function NotFound() {
  return (
    <main className="page">
      <h1>Not found</h1>
      <p>
        There is no page here. <Link href="/">Go home</Link>.
      </p>
    </main>
  );
}
