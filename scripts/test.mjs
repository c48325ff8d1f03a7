#!/usr/bin/env node
// `npm test`: installs what is missing, then runs every suite (scripts/test-suite.ts).
import { ensureDependencies, runTs } from './bootstrap.mjs';

ensureDependencies();
process.exit(runTs('scripts/test-suite.ts', process.argv.slice(2)));
