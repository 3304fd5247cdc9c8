// Architectural import boundaries, checked on resolved paths (not on import strings, which
// differ with every ../ depth). The zones say how the folder tree may depend on itself:
//   - production dashboard code (src/, not its tests) never imports the simulator, the store,
//     the Node services' plumbing (http-kit), e2e code, scripts or msw: mocks must not leak into
//     what commanders run, and Node code does not run in a browser;
//   - a feature never imports another feature (shared code lives outside src/features);
//   - shared dashboard code never imports features or the app, and its layers are ordered like
//     the features are above them: each may import itself and the layers below it, never one
//     above (see SHARED_LAYERS), so no two layers can lean on each other;
//   - the simulator's model stays pure: no Node built-ins, no HTTP (so no http-kit), no dashboard;
//   - the contract depends on nothing of ours, and http-kit on nothing but itself: it is the
//     plumbing under the services, not a part of one.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const rel = (file) => path.relative(root, file).split(path.sep).join('/');
const isTest = (file) => /\.test\.tsx?$/.test(file) || file.startsWith('src/testing/');

/**
 * The dashboard's shared layers (folders of src/), lowest first. Generic helpers and the runtime
 * configuration at the bottom; who is signed in; which trading system is watched; the link to
 * its API; generic UI; the playbooks; the war-room store's client; the trading controls on top,
 * since firing one is recorded through the war-room store and gated on a playbook.
 */
export const SHARED_LAYERS = [
  'lib',
  'config',
  'session',
  'systems',
  'live',
  'components',
  'playbooks',
  'warroom',
  'controls',
];
const layerOf = (file) => SHARED_LAYERS.indexOf(file?.match(/^src\/([^/]+)\//)?.[1] ?? '');

/** @returns {string | null} why the import is not allowed, or null */
export function violation(fromFile, specifier) {
  const from = rel(fromFile);
  const bare = !specifier.startsWith('.') && !specifier.startsWith('/');
  const target = bare ? null : rel(path.resolve(path.dirname(fromFile), specifier));

  if (from.startsWith('src/') && !isTest(from)) {
    if (bare && /^msw(\/|$)/.test(specifier)) return 'production dashboard code must not import msw';
    if (target && /^(sim|store|http-kit|e2e|scripts)\//.test(target))
      return `production dashboard code must not import ${target.split('/')[0]}/`;
    if (target?.startsWith('src/testing/')) return 'production dashboard code must not import test helpers';
  }
  const feature = from.match(/^src\/features\/([^/]+)\//)?.[1];
  const targetFeature = target?.match(/^src\/features\/([^/]+)\//)?.[1];
  if (feature && targetFeature && feature !== targetFeature)
    return `feature "${feature}" must not import feature "${targetFeature}": move the shared part out of src/features`;
  const layer = layerOf(from);
  if (layer !== -1 && target && /^src\/(features|app)\//.test(target))
    return 'shared dashboard code must not import features or the app';
  const targetLayer = layerOf(target);
  if (layer !== -1 && !isTest(from) && targetLayer > layer)
    return `shared layer "${SHARED_LAYERS[layer]}" must not import "${SHARED_LAYERS[targetLayer]}", which is above it (${SHARED_LAYERS.join(' → ')})`;
  if (from.startsWith('sim/model/') && !isTest(from)) {
    if (bare && /^node:/.test(specifier)) return 'the simulator model is pure: no Node built-ins';
    if (target?.startsWith('http-kit/'))
      return 'the simulator model is pure: no http-kit (Node HTTP plumbing)';
    if (target && !target.startsWith('sim/model/') && !target.startsWith('contract/'))
      return 'the simulator model may import only itself and the contract';
  }
  if (from.startsWith('contract/') && !isTest(from) && target && !target.startsWith('contract/'))
    return 'the contract depends on nothing else in the project';
  if (from.startsWith('http-kit/') && target && !target.startsWith('http-kit/'))
    return 'http-kit depends on nothing else in the project: the services use it, not the other way';
  return null;
}

export const boundariesPlugin = {
  rules: {
    boundaries: {
      meta: { type: 'problem', schema: [], messages: { denied: '{{why}}' } },
      create(context) {
        const check = (node) => {
          const source = node.source;
          if (!source || typeof source.value !== 'string') return;
          const why = violation(context.filename, source.value);
          if (why) context.report({ node: source, messageId: 'denied', data: { why } });
        };
        return {
          ImportDeclaration: check,
          ExportNamedDeclaration: check,
          ExportAllDeclaration: check,
          ImportExpression: check,
        };
      },
    },
  },
};
