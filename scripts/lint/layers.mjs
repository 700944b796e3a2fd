/**
 * Folder-level layering, as VS Code's `code-layering` rule does it: every
 * backend file belongs to a layer, and an import may only go to its own
 * layer or one below. A file in a folder no layer names is an error too, so
 * a new folder has to say where it sits.
 *
 *   entry (backend.ts, server/, cli/) → api/ → features → workbook/ → base → store/ → files/
 *
 * Tests and their helpers (`*.test.ts`, `testing/`) stand beside the stack:
 * they may drive any layer, and no product code may import them.
 * import/ and export/ never import each other (what both need is workbook/).
 * The desktop shell (electron/main, electron/preload) reaches the backend
 * only through backend.ts (paths.ts for the data folder, cli/processRun.ts
 * for the installed app's `--cli`, files/ to save a file the user chose):
 * never the store.
 */
import path from 'node:path';

const BACKEND = 'electron/backend/';

/** Lowest first; a layer may import its own rank or lower. */
export const BACKEND_LAYERS = [
  // Whole-file writes (atomic, flushed): plain Node, below everything that saves a file.
  { name: 'files', folders: ['files/'] },
  { name: 'store', folders: ['store/'] },
  { name: 'base', folders: ['context.ts', 'failure.ts', 'callError.ts', 'appSettings.ts', 'writePolicy.ts', 'paths.ts', 'templates/'] },
  { name: 'workbook', folders: ['workbook/'] },
  { name: 'features', folders: ['import/', 'export/', 'office/', 'directory/', 'demo/', 'report/', 'charts/', 'backup/'] },
  { name: 'api', folders: ['api/'] },
  { name: 'entry', folders: ['backend.ts', 'server/', 'cli/'] },
  { name: 'tests', folders: ['testing/'] },
];

/** Sideways imports refused within a layer: [from, to]. */
const APART = [
  ['import/', 'export/'],
  ['export/', 'import/'],
];

const SHELL = ['electron/main/', 'electron/preload/', 'electron/shared-ipc.ts'];
const SHELL_MAY_USE = [
  'electron/backend/backend.ts',
  'electron/backend/paths.ts',
  'electron/backend/cli/processRun.ts',
  'electron/backend/files/writeFileAtomic.ts',
];

const ORDER = BACKEND_LAYERS.map((l) => l.name).slice(0, -1).join(' → ');

const under = (rel, folder) => (folder.endsWith('/') ? rel.startsWith(folder) : rel === folder);

function layerOf(backendRel) {
  if (/\.test\.tsx?$/.test(backendRel)) return BACKEND_LAYERS.length - 1;
  return BACKEND_LAYERS.findIndex((l) => l.folders.some((f) => under(backendRel, f)));
}

/** The imported file as a repo-relative path, or null for packages and node builtins. */
function target(fromFile, spec, root) {
  if (!spec.startsWith('.')) return null;
  const abs = path.resolve(path.dirname(fromFile), spec);
  const rel = path.relative(root, abs).split(path.sep).join('/');
  if (rel.startsWith('..')) return null;
  // Imports name modules without their extension; a folder name stays a folder.
  return /\.[cm]?[jt]sx?$/.test(rel) || rel.endsWith('/') ? rel : `${rel}.ts`;
}

const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Backend layers: imports go down only; the shell uses the backend only through backend.ts' },
    schema: [],
    messages: {
      upward: 'The {{from}} layer must not import {{file}} from the {{to}} layer above it (backend layers: {{order}}; imports go down only).',
      apart: '{{fromFolder}} and {{toFolder}} do not import each other ({{file}}); what both need belongs in electron/backend/workbook/.',
      tests: 'Product code must not import test code ({{file}}).',
      unplaced: '{{file}} is in no backend layer: add its folder to BACKEND_LAYERS in scripts/lint/layers.mjs.',
      shell: 'The desktop shell uses the backend only through electron/backend/backend.ts (and paths.ts, cli/processRun.ts, files/writeFileAtomic.ts), not {{file}}.',
    },
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const inBackend = file.startsWith(BACKEND);
    const inShell = SHELL.some((s) => under(file, s));
    if (!inBackend && !inShell) return {};
    const fromRel = inBackend ? file.slice(BACKEND.length) : '';
    const fromLayer = inBackend ? layerOf(fromRel) : -1;

    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const to = target(context.filename, spec, root);
      if (to === null || !to.startsWith(BACKEND)) return;
      if (inShell) {
        if (!SHELL_MAY_USE.includes(to)) context.report({ node, messageId: 'shell', data: { file: to } });
        return;
      }
      const toRel = to.slice(BACKEND.length);
      const toLayer = layerOf(toRel);
      if (fromLayer < 0) return; // reported once on the Program node
      if (toLayer < 0) return context.report({ node, messageId: 'unplaced', data: { file: to } });
      const testsLayer = BACKEND_LAYERS.length - 1;
      if (toLayer === testsLayer && fromLayer !== testsLayer) return context.report({ node, messageId: 'tests', data: { file: to } });
      if (toLayer > fromLayer) {
        return context.report({
          node,
          messageId: 'upward',
          data: { from: BACKEND_LAYERS[fromLayer].name, to: BACKEND_LAYERS[toLayer].name, file: to, order: ORDER },
        });
      }
      for (const [a, b] of APART) {
        if (under(fromRel, a) && under(toRel, b) && fromLayer !== testsLayer) {
          context.report({ node, messageId: 'apart', data: { fromFolder: a, toFolder: b, file: to } });
        }
      }
    }

    return {
      Program(node) {
        if (inBackend && fromLayer < 0) context.report({ node, messageId: 'unplaced', data: { file } });
      },
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};

export default { rules: { layers: layersRule } };
