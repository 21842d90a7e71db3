#!/usr/bin/env node
// A shim: cache compiled code between runs (startup speed), then hand over to the compiled entry point.
import('node:module').then((m) => m.enableCompileCache?.()).finally(() => import('../dist/main.js'));
