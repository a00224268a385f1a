/**
 * Draws a grey head-and-shoulders silhouette and returns it as a PNG
 * `data:` URL: the picture the preview uses in place of a child's photo.
 * Returns undefined where no 2D canvas is available.
 */
export function drawPlaceholderPhoto(
  width = 240,
  height = 300,
): string | undefined {
  const canvas = document.createElement("canvas");
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext("2d");
  if (context === null) return undefined;
  context.fillStyle = "#d9dce3";
  context.fillRect(0, 0, width, height);
  context.fillStyle = "#8a8f9c";
  context.beginPath();
  context.arc(width / 2, height * 0.38, width * 0.2, 0, Math.PI * 2);
  context.fill();
  context.beginPath();
  context.ellipse(
    width / 2,
    height,
    width * 0.42,
    height * 0.36,
    0,
    Math.PI,
    0,
  );
  context.fill();
  return canvas.toDataURL("image/png");
}
