#!/usr/bin/env node
// Runs the TypeScript command line directly (through tsx's loader), so `npx walkaway` works in a fresh
// clone after `npm ci` with no build step.
import { register } from 'tsx/esm/api';

register();
const { endQuietlyWhenOutputCloses } = await import('../src/cli/io.ts');
endQuietlyWhenOutputCloses();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
