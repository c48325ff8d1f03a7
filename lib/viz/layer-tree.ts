import type { StoreView } from './store-view';

/**
 * The layer graph as a tree. Chain IDs make it one: a chain ID names a layer with everything beneath
 * it, so each layer has exactly one parent (engine-semantics.md sec. 4.1). Bottom layers hang off a
 * virtual root, each image hangs off its top layer, each container off its image.
 */
export type TreeNode =
  | { kind: 'root'; id: 'root'; children: TreeNode[] }
  /** One layer, or a collapsed run of layers (bottom-up indices into StoreView.layers). */
  | { kind: 'layers'; id: string; layers: number[]; children: TreeNode[] }
  | { kind: 'image'; id: string; image: number; children: TreeNode[] }
  | { kind: 'container'; id: string; container: number; children: [] }
  /** Branches hidden by focus: how many images they hold, and from which layer they leave. */
  | { kind: 'more'; id: string; from: number; images: number; children: [] };

export interface TreeOptions {
  /** Merge runs of layers that have one child layer and no image into a single node. */
  collapse: boolean;
  /** When non-empty: only these images' layers, images ending on them, and `more` stubs for the rest. */
  focus?: ReadonlySet<string>;
  /** Layers whose hidden branches are shown anyway (a `more` stub was opened). */
  expanded?: ReadonlySet<number>;
  /** Draw intermediate images (classic-build steps); their layers are drawn either way. */
  intermediate?: boolean;
}

/**
 * Builds the tree. Invariants: every layer of a focused image is present; a collapsed run never
 * contains a branch point or a layer some image ends on (hidden intermediate images included), so
 * all layers of a run have the same holders and therefore the same fate under any removal plan.
 */
export function buildLayerTree(view: StoreView, opts: TreeOptions): TreeNode {
  const childLayers = view.layers.map((): number[] => []);
  const rootLayers: number[] = [];
  view.layers.forEach((l, i) => (l.parent < 0 ? rootLayers : childLayers[l.parent]!).push(i));
  const imagesAt = view.layers.map((): number[] => []);
  // Where any image ends, drawn or not: a run must break there, or its layers could differ in fate.
  const endsHere = new Uint8Array(view.layers.length);
  const rootImages: number[] = [];
  view.images.forEach((img, i) => {
    const top = img.layers[img.layers.length - 1];
    if (top !== undefined) endsHere[top] = 1;
    if (img.intermediate && !opts.intermediate && !opts.focus?.has(img.id)) return;
    (top === undefined ? rootImages : imagesAt[top]!).push(i);
  });

  const focus = opts.focus && opts.focus.size > 0 ? opts.focus : undefined;
  let visible: (i: number) => boolean = () => true;
  const imagesBelow = new Map<number, number>();
  if (focus) {
    const keep = new Set<number>();
    for (const img of view.images) if (focus.has(img.id)) for (const i of img.layers) keep.add(i);
    const opened = new Set<number>();
    for (const i of opts.expanded ?? []) for (const c of childLayers[i] ?? []) if (!keep.has(c)) markSubtree(c, opened);
    for (const i of opened) keep.add(i);
    visible = (i) => keep.has(i);
    // Images held in each layer's subtree, to label the stubs of hidden branches.
    for (let i = view.layers.length - 1; i >= 0; i--) {
      const n = (imagesBelow.get(i) ?? 0) + imagesAt[i]!.length;
      imagesBelow.set(i, n);
      const p = view.layers[i]!.parent;
      if (p >= 0) imagesBelow.set(p, (imagesBelow.get(p) ?? 0) + n);
    }
  }
  function markSubtree(i: number, into: Set<number>): void {
    const stack = [i];
    while (stack.length) {
      const j = stack.pop()!;
      into.add(j);
      stack.push(...childLayers[j]!);
    }
  }

  const imageNode = (i: number): TreeNode => ({
    kind: 'image',
    id: view.images[i]!.id,
    image: i,
    children: view.images[i]!.containers.map((c) => ({ kind: 'container', id: view.containers[c]!.id, container: c, children: [] })),
  });

  function layerNode(start: number): TreeNode {
    const run = [start];
    let last = start;
    for (;;) {
      const kids = childLayers[last]!;
      const canMerge = opts.collapse && !endsHere[last] && kids.length === 1 && visible(kids[0]!);
      if (!canMerge) break;
      last = kids[0]!;
      run.push(last);
    }
    const children: TreeNode[] = [];
    let hidden = 0;
    for (const c of childLayers[last]!) {
      if (visible(c)) children.push(layerNode(c));
      else hidden += imagesBelow.get(c) ?? 0;
    }
    for (const i of imagesAt[last]!) children.push(imageNode(i));
    if (hidden > 0) children.push({ kind: 'more', id: `more:${view.layers[last]!.chainId}`, from: last, images: hidden, children: [] });
    return { kind: 'layers', id: view.layers[last]!.chainId, layers: run, children };
  }

  const children: TreeNode[] = [];
  for (const i of rootLayers) if (visible(i)) children.push(layerNode(i));
  for (const i of rootImages) if (!focus || focus.has(view.images[i]!.id)) children.push(imageNode(i));
  return { kind: 'root', id: 'root', children };
}

/** The layer a tree node stands for when it is inspected: the top of a run. */
export function topLayer(node: Extract<TreeNode, { kind: 'layers' }>): number {
  return node.layers[node.layers.length - 1]!;
}
