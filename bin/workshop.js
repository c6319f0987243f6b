#!/usr/bin/env node
// `npm run workshop`: runs the TypeScript workshop server directly (through tsx's loader), no build step
// for the server itself.
import { register } from 'tsx/esm/api';

register();
const { startWorkshop } = await import('../src/server/main.ts');
try {
  await startWorkshop();
} catch (e) {
  console.error(`walkaway workshop: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
