import { useMemo } from 'react';
import { encodeQr } from './encode-qr.js';

type QrCodeProps = { value: string; label: string; size?: number };

/** A QR code drawn as SVG; nothing is drawn when the value is too long to encode. */
export function QrCode({ value, label, size = 200 }: QrCodeProps) {
  const path = useMemo(() => {
    const modules = encodeQr(value);
    if (!modules) return null;
    const commands: string[] = [];
    modules.forEach((row, y) => {
      row.forEach((dark, x) => {
        if (dark) commands.push(`M${x + 4} ${y + 4}h1v1h-1z`);
      });
    });
    return { d: commands.join(''), extent: modules.length + 8 };
  }, [value]);

  if (!path) return null;
  return (
    <svg role="img" aria-label={label} width={size} height={size} viewBox={`0 0 ${path.extent} ${path.extent}`} shapeRendering="crispEdges">
      <rect width={path.extent} height={path.extent} fill="#fff" />
      <path d={path.d} fill="#000" />
    </svg>
  );
}
