#!/usr/bin/env node
// A shim: cache compiled code between runs (startup speed), then hand over to the bundled entry point.
import('node:module').then((m) => m.enableCompileCache?.()).finally(() => import('../dist/app/main.js'));
