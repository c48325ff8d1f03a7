#!/usr/bin/env node
// `npm start`: installs what is missing, picks an engine, builds and serves (scripts/serve.ts).
import { ensureDependencies, runTs } from './bootstrap.mjs';

ensureDependencies();
process.exit(runTs('scripts/serve.ts', process.argv.slice(2)));
