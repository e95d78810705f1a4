import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The authenticator URI as a QR image (an SVG data URL: no canvas needed). */
export function QrCode({ value, label }: { value: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
      .then((svg) => live && setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`))
      .catch(() => live && setSrc(null));
    return () => {
      live = false;
    };
  }, [value]);
  return (
    <div className="qr-code">
      {src ? <img src={src} alt={label} width={168} height={168} /> : <span className="qr-code__blank" />}
    </div>
  );
}

/** The base32 secret of an `otpauth://` URI, in groups of four for typing by hand. */
export function totpSecret(uri: string): string | null {
  try {
    const secret = new URL(uri).searchParams.get('secret');
    return secret ? (secret.match(/.{1,4}/g) ?? [secret]).join(' ') : null;
  } catch {
    return null;
  }
}
