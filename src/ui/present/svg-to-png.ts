/**
 * Turns a rendered chart SVG into a PNG data URL for the PowerPoint export. The SVG is serialised
 * and drawn onto a canvas at `scale`× its size (2× by default) so the picture stays sharp on a
 * projector and when PowerPoint enlarges it. Everything happens in the page: the SVG is loaded from
 * a `data:` URL, nothing is fetched.
 */

/** A PNG and its size in CSS pixels (padding included, before the scale), which gives PowerPoint the aspect ratio. */
export interface ChartPng {
  dataUrl: string;
  width: number;
  height: number;
}

/**
 * Rasterises `svg` onto a white background (boards print on white; PowerPoint themes may not be),
 * with `pad` px of white around it: the chart's outermost labels sit on its edge, and a picture
 * cropped that tight looks clipped once placed on a slide.
 */
export async function svgToPng(svg: SVGSVGElement, scale = 2, pad = 12): Promise<ChartPng> {
  const width = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width || 800;
  const height = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height || 450;
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const text = new XMLSerializer().serializeToString(copy);
  const image = new Image();
  image.width = width;
  image.height = height;
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round((width + 2 * pad) * scale);
  canvas.height = Math.round((height + 2 * pad) * scale);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser cannot draw on a canvas');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(image, pad * scale, pad * scale, width * scale, height * scale);
  return { dataUrl: canvas.toDataURL('image/png'), width: width + 2 * pad, height: height + 2 * pad };
}
