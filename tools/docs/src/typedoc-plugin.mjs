// @ts-check
/**
 * TypeDoc plugin for `pnpm run docs`: names each entry-point module after its package
 * (`core/src` → `@kairos/core`) and shows the package's README on the module's page.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Converter, MinimalSourceFile, ReflectionKind } from 'typedoc';

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const dir = /^(\w[\w-]*)\/src$/.exec(reflection.name)?.[1];
    if (!dir) return;
    const root = new URL(`../../../packages/${dir}/`, import.meta.url);
    reflection.name = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')).name;
    const readme = fileURLToPath(new URL('README.md', root));
    let text;
    try {
      text = readFileSync(readme, 'utf8');
    } catch {
      return; // a package without a README keeps the plain module page
    }
    const files = context.project.files;
    reflection.readme = app.converter.parseRawComment(
      new MinimalSourceFile(text, readme),
      files,
    ).content;
  });
}
