#!/usr/bin/env node
import module from 'node:module';
import { main } from './program';

// Node 22+ caches compiled modules between runs: a faster start for a short-lived command.
(module as { enableCompileCache?: () => unknown }).enableCompileCache?.();

// A reader that went away (`kairos fetch … | head`) is not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exitCode = 0;
  else throw error;
});

main(process.argv, {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
