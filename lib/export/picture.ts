/**
 * Browser side of the picture exports: a composed SVG sheet as a file, or drawn onto a canvas at
 * 1×, 2× or 4× and saved as PNG. Uses the DOM (Blob, Image, canvas), so only client code imports it.
 */
import { composeSnapshotSvg, FIGURE_SHAPES, type Scene, type SheetOptions, type SnapshotText } from "./snapshot-svg";

export const PNG_SCALES = [1, 2, 4] as const;
export type PngScale = (typeof PNG_SCALES)[number];

export async function pictureBlob(
  scene: Scene,
  words: SnapshotText,
  opts: SheetOptions & { format: "svg" | "png"; scale: PngScale },
): Promise<Blob> {
  const { width, height } = FIGURE_SHAPES[opts.shape ?? "16:9"];
  return svgPictureBlob(composeSnapshotSvg(scene, words, opts), { width, height }, opts);
}

/** A composed sheet as SVG, or rasterised at a scale as PNG. */
export async function svgPictureBlob(svg: string, size: { width: number; height: number }, opts: { format: "svg" | "png"; scale: PngScale }): Promise<Blob> {
  const svgBlob = new Blob([svg], { type: "image/svg+xml;charset=utf-8" });
  if (opts.format === "svg") return svgBlob;

  const url = URL.createObjectURL(svgBlob);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const canvas = document.createElement("canvas");
    canvas.width = size.width * opts.scale;
    canvas.height = size.height * opts.scale;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("this browser cannot draw on a canvas");
    // Drawn at the target size, the vector sheet is rasterised sharp at every scale.
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("the picture is too large for this browser"))), "image/png"),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob under a name, as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the object URL can go a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
