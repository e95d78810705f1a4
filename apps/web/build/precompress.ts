import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/**
 * What the browser fetches: text, and the embedded database mock mode loads (only a VITE_MOCKS
 * build has `.wasm`/`.data`). Source maps are never served, so they are not compressed either.
 */
const COMPRESSIBLE = /\.(js|css|html|svg|wasm|data)$/;
const BINARY = /\.(wasm|data)$/;

/**
 * Writes a `.br` and a `.gz` beside every compressible file of the build, at the strongest
 * settings: done once here, so the server only picks the file the browser accepts and never
 * compresses on a request. A copy that would not be smaller is not written.
 */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'roster:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async writeBundle() {
      const files = readdirSync(outDir, { recursive: true, encoding: 'utf8' })
        // Dot folders (Vite's manifest) are build bookkeeping, not served.
        .filter((file) => COMPRESSIBLE.test(file) && !file.split(/[\\/]/).some((part) => part.startsWith('.')))
        .map((file) => join(outDir, file));
      const totals = { raw: 0, br: 0, gz: 0 };
      await Promise.all(
        files.map(async (path) => {
          const source = readFileSync(path);
          const [br, gz] = await Promise.all([
            brotli(source, {
              params: {
                // The embedded database (mock mode only) is megabytes: top quality would take minutes.
                [constants.BROTLI_PARAM_QUALITY]: BINARY.test(path) ? 9 : constants.BROTLI_MAX_QUALITY,
                [constants.BROTLI_PARAM_MODE]: BINARY.test(path)
                  ? constants.BROTLI_MODE_GENERIC
                  : constants.BROTLI_MODE_TEXT,
                [constants.BROTLI_PARAM_SIZE_HINT]: source.length,
              },
            }),
            gzipAsync(source, { level: constants.Z_BEST_COMPRESSION }),
          ]);
          totals.raw += source.length;
          if (br.length < source.length) writeFileSync(`${path}.br`, br);
          if (gz.length < source.length) writeFileSync(`${path}.gz`, gz);
          totals.br += Math.min(br.length, source.length);
          totals.gz += Math.min(gz.length, source.length);
        }),
      );
      const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
      console.log(
        `\nPrecompressed ${files.length} files: ${kb(totals.raw)} raw, ${kb(totals.br)} brotli, ${kb(totals.gz)} gzip`,
      );
    },
  };
}
