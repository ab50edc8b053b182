// jsdom finds a <label for>'s control by walking the whole document (HTMLLabelElement-impl.js), and an input's
// `labels` asks every node of the document for its control: Testing Library's getByLabelText asks every element
// for its labels, so one query on a page of many fields walks the document N x N times (2 to 4 s a query on the
// Projections page's planner, most of a component test's time). The document already keeps its elements by id
// (what document.getElementById reads): a label's `for` is looked up there. Same answer as jsdom's walk (the
// first element in tree order with that id, if it can be labelled), so every query finds what it found before.

interface NodeImpl {
  nodeType: number;
  _localName: string;
  _namespaceURI: string | null;
  hasAttributeNS(this: NodeImpl, ns: null, name: string): boolean;
  getAttributeNS(this: NodeImpl, ns: null, name: string): string | null;
  getRootNode(this: NodeImpl, options: object): NodeImpl & { getElementById?: (id: string) => NodeImpl | null };
}

const implOf = (node: object): object => {
  const symbol = Object.getOwnPropertySymbols(node).find((s) => s.description === 'impl');
  if (!symbol) throw new Error('jsdom-id-index: jsdom no longer keeps its implementation under Symbol(impl)');
  return (node as Record<symbol, object>)[symbol]!;
};

const HTML = 'http://www.w3.org/1999/xhtml';
const LABELABLE = new Set(['button', 'meter', 'output', 'progress', 'select', 'textarea']);
// https://html.spec.whatwg.org/multipage/forms.html#category-label (no form-associated custom elements here).
const isLabelable = (node: NodeImpl): boolean =>
  node._namespaceURI === HTML &&
  (LABELABLE.has(node._localName) || (node._localName === 'input' && node.getAttributeNS(null, 'type') !== 'hidden'));

const labelImpl = Object.getPrototypeOf(implOf(document.createElement('label'))) as object;
const jsdomControl = Object.getOwnPropertyDescriptor(labelImpl, 'control');
if (!jsdomControl?.get)
  throw new Error('jsdom-id-index: jsdom no longer defines HTMLLabelElement control on its implementation');
/** jsdom's own answer: a walk of the label's descendants, or of the whole tree for `for`. */
const walk = (label: NodeImpl): unknown => jsdomControl.get?.call(label);

Object.defineProperty(labelImpl, 'control', {
  configurable: true,
  get(this: NodeImpl): unknown {
    if (!this.hasAttributeNS(null, 'for')) return walk(this);
    const id = this.getAttributeNS(null, 'for') ?? '';
    if (id === '') return null;
    const root = this.getRootNode({});
    // Only a document keeps the index; a label in a detached tree or a shadow root is walked as before.
    if (root.nodeType !== 9 || !root.getElementById) return walk(this);
    const found = root.getElementById(id);
    return found && isLabelable(found) ? found : null;
  },
});

// Testing Library finds an aria-labelledby's label with querySelector('[id="…"]'), which jsdom's selector engine
// answers by walking the container (6 of the 21 s of a Projections scenario test, whose planner's fields are each
// named by their row's and column's headers). The element the document's index gives is the answer when it lies
// in the container: the first in tree order with that id in the document, so the first in the container too.
// Anything else (another selector, an element outside the container or outside the document) goes to jsdom.
const ID_SELECTOR = /^\[id="([^"\\]*)"\]$/;
type QuerySelector = (this: ParentNode, selectors: string) => Element | null;
for (const proto of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
  const jsdomQuerySelector = Object.getOwnPropertyDescriptor(proto, 'querySelector')?.value as
    QuerySelector | undefined;
  if (!jsdomQuerySelector) throw new Error('jsdom-id-index: jsdom no longer defines querySelector where it did');
  Object.defineProperty(proto, 'querySelector', {
    configurable: true,
    writable: true,
    value: function (this: ParentNode & Node, selectors: string): Element | null {
      const id = ID_SELECTOR.exec(selectors)?.[1];
      if (id !== undefined && this.isConnected) {
        const found = (this.ownerDocument ?? document).getElementById(id);
        if (found && found !== this && this.contains(found)) return found;
      }
      return jsdomQuerySelector.call(this, selectors);
    },
  });
}
