/**
 * The few DOM shapes the browser tests touch inside `page.evaluate` callbacks. The
 * workspace compiles without the DOM library (it is Node code), so they are declared here.
 */
export interface DomElement {
  readonly id: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): Iterable<DomElement>;
  getBBox(): { readonly width: number; readonly height: number };
}

/** The document as the tests read it. */
export interface DomDocument {
  readonly scripts: { readonly length: number };
  readonly images: { readonly length: number };
  readonly body: DomElement;
  getElementById(id: string): DomElement | null;
}
