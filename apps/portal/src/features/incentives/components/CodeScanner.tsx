import { useEffect, useRef, useState } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';

interface Detector {
  detect(source: HTMLVideoElement): Promise<{ rawValue: string }[]>;
}
type DetectorClass = new (options: { formats: string[] }) => Detector;

/** The browser's QR reader, where it has one (Chrome on Android, for one); null elsewhere. */
function barcodeDetector(): DetectorClass | null {
  const c = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
  return typeof c === 'function' ? c : null;
}

export function canScanCodes(): boolean {
  return barcodeDetector() !== null && typeof navigator !== 'undefined' && !!navigator.mediaDevices?.getUserMedia;
}

/** Reads a redemption code's QR with the camera and hands the text over; stops the camera when done. */
export function CodeScanner({ onCode, onClose }: { onCode(text: string): void; onClose(): void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const Detector = barcodeDetector();
    if (!Detector) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setInterval> | undefined;
    let stopped = false;
    const detector = new Detector({ formats: ['qr_code'] });
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
        if (stopped || !video.current) return;
        video.current.srcObject = stream;
        await video.current.play();
        timer = setInterval(() => {
          if (!video.current) return;
          void detector
            .detect(video.current)
            .then((found) => {
              const text = found[0]?.rawValue;
              if (text && !stopped) {
                stopped = true;
                onCode(text);
              }
            })
            .catch(() => undefined);
        }, 300);
      } catch {
        setFailed(true);
      }
    })();
    return () => {
      stopped = true;
      if (timer) clearInterval(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [onCode]);

  return (
    <div className="code-scanner">
      {failed ? (
        <p role="alert" className="field-error">
          {t('incentives.counter.cameraFailed')}
        </p>
      ) : (
        <video ref={video} className="scanner-video" muted playsInline aria-label={t('incentives.counter.cameraView')} />
      )}
      <Button onClick={onClose}>{t('incentives.counter.stopScan')}</Button>
    </div>
  );
}
