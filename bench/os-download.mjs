// OS image download: throughput of `sdk.models.os.download` against a raw `fetch` of the same image in the same
// run, and the peak memory of a download for two image sizes (it must not grow with the image).
//
// Needs the built packages: `npm run build -w balena-local-api && npm run build -w balena-sdk`.
// The API runs in a child process (its own core for generating the image); this process only downloads.
// Runs alternate raw / raw + node:crypto SHA-256 / SDK (checksum verified) / SDK (verification off) so machine
// noise hits all alike. Over loopback the download is bound by the client's CPU, so verifying the checksum costs
// what hashing costs (compare the SDK with raw + SHA-256); a second pass paces the image to a link speed
// (BENCH_LINK_BYTES_PER_SECOND, default 1 Gbit/s) and compares the SDK, checksum verified, with a raw fetch.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median, ratio } from './lib/stats.mjs';
import { oursDir } from './lib/sdk-snapshot.mjs';

const { getSdk } = await import(pathToFileURL(path.join(oursDir(), 'dist/node/index.mjs')).href);

const RUNS = Number(process.env.BENCH_OS_RUNS ?? 5);
const MIB = 1024 * 1024;
const SIZES_MIB = (process.env.BENCH_IMAGE_MIB ?? '64,256').split(',').map(Number);
const IMAGE = { deviceType: 'raspberrypi3', version: '6.0.10' };

// The link-speed pass: the API paces image bytes to this rate (1 Gbit/s by default), as a network would.
const LINK_BYTES_PER_SECOND = Number(process.env.BENCH_LINK_BYTES_PER_SECOND ?? 125_000_000);

function startApi(imageBytes, bytesPerSecond) {
  const child = spawn(
    process.execPath,
    [
      new URL('../packages/server/bin/balena-local.js', import.meta.url).pathname,
      '--port',
      '0',
      '--data',
      'memory://',
    ],
    {
      env: {
        ...process.env,
        BALENA_LOCAL_OS_IMAGE_BYTES: String(imageBytes),
        ...(bytesPerSecond
          ? { BALENA_LOCAL_DOWNLOAD_BYTES_PER_SECOND: String(bytesPerSecond) }
          : {}),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (data) => {
      output += data;
      const match = /listening on (\S+)/.exec(output);
      if (match) resolve({ url: match[1].replace(/\/$/, ''), stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`API exited with ${code}: ${output}`)));
  });
}

// Samples the resident set size every 5 ms while `work` runs; returns the peak above the start.
async function peakRss(work) {
  globalThis.gc?.();
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakAboveStartMiB: (peak - start) / MIB, peakMiB: peak / MIB };
  } finally {
    clearInterval(timer);
  }
}

async function drain(stream) {
  const reader = stream.getReader();
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read())
    bytes += next.value.length;
  return bytes;
}

// The same raw fetch, hashing every chunk with node:crypto: what verifying costs without the SDK.
async function drainHashed(stream) {
  const reader = stream.getReader();
  const hash = createHash('sha256');
  let bytes = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    hash.update(next.value);
    bytes += next.value.length;
  }
  hash.digest('hex');
  return bytes;
}

async function timed(download, expectedBytes) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const bytes = await download();
  const cpu = process.cpuUsage(cpuBefore);
  if (bytes !== expectedBytes)
    throw new Error(`Downloaded ${bytes} bytes, expected ${expectedBytes}`);
  const seconds = (performance.now() - started) / 1000;
  // Client CPU time per MiB is far less sensitive to other load on the machine than wall-clock throughput.
  const cpuMsPerMib = (cpu.user + cpu.system) / 1000 / (bytes / MIB);
  return { bytes, mibPerSecond: bytes / MIB / seconds, cpuMsPerMib };
}

const results = [];
for (const sizeMiB of SIZES_MIB) {
  const api = await startApi(sizeMiB * MIB);
  try {
    const sdk = getSdk({ apiUrl: api.url, dataDirectory: false });
    const query = new URLSearchParams(IMAGE).toString();
    const raw = () =>
      fetch(`${api.url}/download?${query}`).then((response) => drain(response.body));
    const rawHashed = () =>
      fetch(`${api.url}/download?${query}`).then((response) => drainHashed(response.body));
    const verified = () => sdk.models.os.download(IMAGE).then(drain);
    const unverified = () =>
      sdk.models.os.download({ ...IMAGE, verifyChecksum: false }).then(drain);
    const size = await sdk.models.os.getDownloadSize(IMAGE.deviceType, IMAGE.version);
    await raw(); // warm-up: the API computes the image checksum on first use
    const variants = { raw, rawHashed, sdk: verified, sdkNoChecksum: unverified };
    const samples = { raw: [], rawHashed: [], sdk: [], sdkNoChecksum: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const [name, download] of Object.entries(variants)) {
        samples[name].push(await timed(download, size));
      }
    }
    const memory = {
      raw: await peakRss(raw),
      sdk: await peakRss(verified),
    };
    const summarise = (pick, digits) =>
      Object.fromEntries(
        Object.entries(samples).map(([name, runs]) => [
          name,
          Number(median(runs.map(pick)).toFixed(digits)),
        ]),
      );
    const medians = summarise((run) => run.mibPerSecond, 1);
    const best = Object.fromEntries(
      Object.entries(samples).map(([name, runs]) => [
        name,
        Number(Math.max(...runs.map((run) => run.mibPerSecond)).toFixed(1)),
      ]),
    );
    const cpu = summarise((run) => run.cpuMsPerMib, 2);
    results.push({
      imageMiB: sizeMiB,
      runs: RUNS,
      mibPerSecondMedian: medians,
      mibPerSecondBest: best,
      clientCpuMsPerMibMedian: cpu,
      sdkVsRawCpu: ratio(cpu.raw, cpu.sdk),
      sdkNoChecksumVsRawCpu: ratio(cpu.raw, cpu.sdkNoChecksum),
      sdkVsRawBest: ratio(best.sdk, best.raw),
      sdkNoChecksumVsRawBest: ratio(best.sdkNoChecksum, best.raw),
      sdkVsRaw: ratio(medians.sdk, medians.raw),
      sdkNoChecksumVsRaw: ratio(medians.sdkNoChecksum, medians.raw),
      sdkVsRawHashed: ratio(medians.sdk, medians.rawHashed),
      peakRssAboveStartMiB: {
        raw: Number(memory.raw.peakAboveStartMiB.toFixed(1)),
        sdk: Number(memory.sdk.peakAboveStartMiB.toFixed(1)),
      },
      peakRssMiB: {
        raw: Number(memory.raw.peakMiB.toFixed(1)),
        sdk: Number(memory.sdk.peakMiB.toFixed(1)),
      },
    });
  } finally {
    api.stop();
  }
}
// At link speed the client has CPU to spare, so verifying the checksum should cost no throughput.
async function linkSpeedPass(sizeMiB) {
  const api = await startApi(sizeMiB * MIB, LINK_BYTES_PER_SECOND);
  try {
    const sdk = getSdk({ apiUrl: api.url, dataDirectory: false });
    const query = new URLSearchParams(IMAGE).toString();
    const size = await sdk.models.os.getDownloadSize(IMAGE.deviceType, IMAGE.version);
    const variants = {
      raw: () => fetch(`${api.url}/download?${query}`).then((response) => drain(response.body)),
      sdk: () => sdk.models.os.download(IMAGE).then(drain),
    };
    await variants.raw();
    const samples = { raw: [], sdk: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const [name, download] of Object.entries(variants)) {
        samples[name].push(await timed(download, size));
      }
    }
    const medians = Object.fromEntries(
      Object.entries(samples).map(([name, runs]) => [
        name,
        Number(median(runs.map((run) => run.mibPerSecond)).toFixed(1)),
      ]),
    );
    return {
      imageMiB: sizeMiB,
      runs: RUNS,
      linkBytesPerSecond: LINK_BYTES_PER_SECOND,
      mibPerSecondMedian: medians,
      sdkVsRaw: ratio(medians.sdk, medians.raw),
    };
  } finally {
    api.stop();
  }
}

const atLinkSpeed = await linkSpeedPass(Math.max(...SIZES_MIB));
console.log(JSON.stringify({ node: process.version, results, atLinkSpeed }, null, 2));
