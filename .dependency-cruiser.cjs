/**
 * The one-way stack, checked by dependency-cruiser in `npm test` (`npm run deps`):
 *
 *   schema ← domain ← ingest / parse / check ← fetch ← store ← nlu ← answer
 *          ← pipeline, config, logger ← crawl ← bot / cli ← main
 *
 * A module may import only from layers to its left (lower), never from a layer to its right,
 * never from a sibling on the same step (ingest, parse and check stay independent; so do bot and
 * cli), and never in a cycle. From outside a folder, only its index.ts is imported. A new top-level
 * folder under src/ must be given its place here (the `not-in-stack` rule fails until it is).
 * Type-only imports count too: a type is a dependency.
 */

/** Steps of the stack, lowest first; each step lists sibling layers (folders, or single files). */
const STACK = [
  ['schema'],
  ['domain'],
  ['ingest', 'parse', 'check'],
  ['fetch'],
  ['store'],
  ['nlu'],
  ['answer'],
  ['pipeline', 'config.ts', 'logger.ts'],
  ['crawl'],
  ['bot', 'cli'],
  ['main.ts'],
];

/** Path regex of a layer: a folder (src/x/…) or a single file (src/x.ts). */
const path = (layer) => (layer.endsWith('.ts') ? `^src/${layer.replace('.', '[.]')}$` : `^src/${layer}/`);
const anyOf = (layers) => `(${layers.map(path).join('|')})`;

const stackRules = STACK.flatMap((step, i) =>
  step.flatMap((layer) => {
    const above = STACK.slice(i + 1).flat();
    const siblings = step.filter((l) => l !== layer);
    if (above.length + siblings.length === 0) return [];
    return {
      name: `${layer.replace('.ts', '')}-imports-down-only`,
      comment: `${layer} may import only from ${STACK.slice(0, i).flat().join(', ') || 'nothing in src'}`,
      severity: 'error',
      from: { path: path(layer) },
      to: { path: anyOf([...above, ...siblings]) },
    };
  }),
);

/** Folders with an index.ts: from outside, only that file is imported. */
const FOLDERS = STACK.flat().filter((l) => !l.endsWith('.ts'));

module.exports = {
  forbidden: [
    ...stackRules,
    ...FOLDERS.map((folder) => ({
      name: `${folder}-through-index`,
      comment: `outside src/${folder}/, import src/${folder}/index.ts only`,
      severity: 'error',
      from: { path: '^src/', pathNot: `^src/${folder}/` },
      to: { path: `^src/${folder}/`, pathNot: `^src/${folder}/index[.]ts$` },
    })),
    {
      name: 'no-circular',
      comment: 'no import cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'not-in-stack',
      comment: 'every module under src/ belongs to a layer of STACK in .dependency-cruiser.cjs',
      severity: 'error',
      from: { path: '^src/', pathNot: anyOf(STACK.flat()) },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
  },
};
