import type { Express } from 'express';

// Walks an Express app's router so that route tests cover every route, a new one included, without a list to keep.

interface RouteLayer {
  rawPath?: unknown;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

function walk(stack: RouteLayer[], prefix = ''): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const [m, on] of Object.entries(layer.route.methods))
        if (on)
          out.push({
            method: m.toUpperCase(),
            path: prefix + (layer.route.path === '/' && prefix ? '' : layer.route.path),
          });
    } else if (layer.handle?.stack) {
      const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '';
      out.push(...walk(layer.handle.stack, prefix + (mount === '/' ? '' : mount)));
    }
  }
  return out;
}

/** Every route of the app: method and full path. */
export function appRoutes(app: Express): { method: string; path: string }[] {
  return walk((app as unknown as { router: { stack: RouteLayer[] } }).router.stack);
}
