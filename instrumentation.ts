/**
 * Runs once when the server starts. While no admin exists it issues the one-time setup token and
 * prints it here, on the console, and nowhere else (only its hash is stored).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { announceSetup } = await import('./lib/store/announce-setup');
  announceSetup();
}
