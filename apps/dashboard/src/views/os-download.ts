// Download the latest OS image for a fleet's device type, with a progress bar.
import { h, render, showError } from '../dom.js';
import { sdk } from '../sdk.js';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * Builds the OS download panel: a button, a progress bar, then a link to save the image.
 *
 * @param deviceTypeSlug - the device type to download for.
 * @param deviceTypeName - its display name.
 * @returns the panel.
 * @example
 * app.append(osDownloadPanel('raspberrypi3', 'Raspberry Pi 3'));
 */
export function osDownloadPanel(deviceTypeSlug: string, deviceTypeName: string): HTMLElement {
  const progress = h('progress', { max: 100, value: 0, hidden: true });
  const status = h('span', { class: 'muted download-status' });
  const result = h('div');
  const button = h(
    'button',
    { class: 'primary', onclick: () => void start() },
    'Download OS image',
  );
  async function start(): Promise<void> {
    button.disabled = true;
    progress.hidden = false;
    render(result);
    try {
      const stream = await sdk.models.os.download({
        deviceType: deviceTypeSlug,
        version: 'latest',
        onProgress: ({ percent, received, total }) => {
          progress.value = percent ?? 0;
          render(
            status,
            total ? `${megabytes(received)} of ${megabytes(total)}` : megabytes(received),
          );
        },
      });
      const image = await new Response(stream).blob();
      progress.value = 100;
      render(
        result,
        h(
          'a',
          { class: 'button', href: URL.createObjectURL(image), download: `${deviceTypeSlug}.img` },
          `Save ${deviceTypeSlug}.img (${megabytes(image.size)})`,
        ),
      );
    } catch (error) {
      showError(result, error);
    } finally {
      button.disabled = false;
    }
  }
  return h(
    'section',
    { class: 'card os-download' },
    h('h2', {}, 'balenaOS image'),
    h(
      'p',
      { class: 'muted' },
      `Latest balenaOS for ${deviceTypeName}, verified against the server's checksum.`,
    ),
    h('div', { class: 'row' }, button, progress, status),
    result,
  );
}
