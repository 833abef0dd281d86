// @ts-check
/**
 * TypeDoc plugin for `pnpm docs`: names each entry-point module after its package
 * (`core/src` → `@kairos/core`), read from the package.json next to its `src` folder.
 */
import { readFileSync } from 'node:fs';
import { Converter, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (_context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const dir = /^(\w[\w-]*)\/src$/.exec(reflection.name)?.[1];
    if (!dir) return;
    const manifest = new URL(`../../../packages/${dir}/package.json`, import.meta.url);
    reflection.name = JSON.parse(readFileSync(manifest, 'utf8')).name;
  });
}
