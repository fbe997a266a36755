// The part of fontkit (pdfkit's own font engine) that the exporter uses: which letters a font has.
declare module 'fontkit' {
  interface Font {
    readonly postscriptName: string;
    readonly familyName: string;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  interface FontCollection {
    readonly fonts: readonly Font[];
  }
  export function openSync(file: string, postscriptName?: string): Font | FontCollection;
}
