import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after } from 'node:test';
import { openDb, type Db } from './db';

/** A real SQLite file in a fresh temp folder, removed after the test file. */
export function tempDb(): { db: Db; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'layerlens-store-'));
  const file = path.join(dir, 'test.db');
  const db = openDb(file);
  after(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, file };
}
