// Download a balenaOS image with a progress bar drawn from the SDK's 'progress' events.
//
// Run it against the local API (start it with `npm start`, which prints the demo account):
//   node examples/os-download.mjs [output-file]
// Without an output file the image goes to a temporary file. Environment: BALENA_API_URL (default
// http://127.0.0.1:1337/), BALENA_EMAIL and BALENA_PASSWORD (default: the demo account),
// BALENA_DEVICE_TYPE (default raspberrypi3), BALENA_OS_VERSION (default latest).
// The local API serves synthetic images of about 64 MiB with a SHA-256 checksum, which the SDK
// verifies as the bytes pass; a dropped connection is resumed with a Range request. On loopback the
// bar fills at once: start the API with BALENA_LOCAL_DOWNLOAD_BYTES_PER_SECOND=5000000 to watch it.
import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { getSdk } from 'balena-sdk';

const apiUrl = process.env.BALENA_API_URL ?? 'http://127.0.0.1:1337/';
const email = process.env.BALENA_EMAIL ?? 'demo@balena-local.test';
const password = process.env.BALENA_PASSWORD ?? 'balena-demo-password';
const deviceType = process.env.BALENA_DEVICE_TYPE ?? 'raspberrypi3';
const version = process.env.BALENA_OS_VERSION ?? 'latest';
const output = process.argv[2] ?? path.join(os.tmpdir(), `balena-${deviceType}-${process.pid}.img`);

const BAR_WIDTH = 30;

/** Draws `[#####.....]  42% 27.1/64.3 MiB` in place on a terminal, or one line per 10 % otherwise. */
function createProgressBar(stream) {
  let lastDecile = -1;
  return ({ percent = 0, received, total }) => {
    const filled = Math.round((percent / 100) * BAR_WIDTH);
    const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled);
    const mib = (bytes) => (bytes / 1024 / 1024).toFixed(1);
    const line = `[${bar}] ${percent.toFixed(0).padStart(3)}% ${mib(received)}/${mib(total ?? 0)} MiB`;
    if (stream.isTTY) {
      stream.write(`\r${line}`);
      return;
    }
    const decile = Math.floor(percent / 10);
    if (decile > lastDecile) {
      lastDecile = decile;
      stream.write(`${line}\n`);
    }
  };
}

async function main() {
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  await sdk.auth.login({ email, password });

  const image = await sdk.models.os.download({ deviceType, version });
  console.log(
    `Downloading balenaOS ${version} for ${deviceType} (${image.total} bytes) to ${output}`,
  );
  image.on('progress', createProgressBar(process.stdout));
  // os.download resolves with a web ReadableStream; Writable.toWeb bridges it to a Node file stream.
  await image.pipeTo(Writable.toWeb(createWriteStream(output)));
  if (process.stdout.isTTY) process.stdout.write('\n');

  const { size } = await stat(output);
  console.log(`Saved ${output}: ${size} bytes, sha256 ${image.checksum ?? 'not announced'}`);
}

main().catch((error) => {
  console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
});
