// Turns bench/results/latest.json into the Markdown table (docs/benchmarks.md) and a bar chart of
// the ours/official ratios (docs/benchmarks.svg).
import { mkdirSync, writeFileSync } from 'node:fs';
import prettier from 'prettier';

const DOCS = new URL('../../docs/', import.meta.url).pathname;

const fixed = (value, digits = 1) => (value == null ? 'n/a' : Number(value).toFixed(digits));
const kib = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 1024).toFixed(1)} KB`);
const mib = (bytes) => (bytes == null ? 'n/a' : `${(bytes / 2 ** 20).toFixed(2)} MB`);
const ratioOf = (ours, official) =>
  ours == null || official == null || official === 0 ? null : ours / official;

/** Rows of the table: label, ours, official, ratio (ours / official), target. */
function rows(results) {
  const { coldStart, install, bundles, fleet, overhead, rateLimited } = results;
  const list = [];
  if (coldStart) {
    list.push(
      [
        'Cold start: import + getSdk()',
        `${fixed(coldStart.ours.importAndGetSdkMs)} ms`,
        `${fixed(coldStart.official.importAndGetSdkMs)} ms`,
        ratioOf(coldStart.ours.importAndGetSdkMs, coldStart.official.importAndGetSdkMs),
        '≤ 0.20',
      ],
      [
        'Cold start: whole process',
        `${fixed(coldStart.ours.processWallMs)} ms`,
        `${fixed(coldStart.official.processWallMs)} ms`,
        ratioOf(coldStart.ours.processWallMs, coldStart.official.processWallMs),
        '',
      ],
      [
        'Heap used after construction',
        `${fixed(coldStart.ours.heapUsedMB, 2)} MB`,
        `${fixed(coldStart.official.heapUsedMB, 2)} MB`,
        ratioOf(coldStart.ours.heapUsedMB, coldStart.official.heapUsedMB),
        '',
      ],
    );
  }
  if (install) {
    list.push(
      [
        'Install: packages',
        String(install.ours.packages),
        String(install.official.packages),
        ratioOf(install.ours.packages, install.official.packages),
        '≤ 5 packages',
      ],
      [
        'Install: bytes on disk',
        mib(install.ours.bytes),
        mib(install.official.bytes),
        ratioOf(install.ours.bytes, install.official.bytes),
        '≤ 3 MB',
      ],
    );
  }
  if (bundles) {
    list.push(
      [
        'Browser UMD bundle, gzip',
        kib(bundles.ours.gzipBytes),
        kib(bundles.official.gzipBytes),
        ratioOf(bundles.ours.gzipBytes, bundles.official.gzipBytes),
        '< 40 KB',
      ],
      [
        'Browser UMD bundle, brotli',
        kib(bundles.ours.brotliBytes),
        kib(bundles.official.brotliBytes),
        ratioOf(bundles.ours.brotliBytes, bundles.official.brotliBytes),
        '',
      ],
    );
  }
  if (fleet) {
    list.push(
      [
        `Fleet scenario (${fleet.devices} devices): wall time`,
        `${fixed(fleet.ours.wallMs / 1000)} s`,
        `${fixed(fleet.official.wallMs / 1000)} s`,
        ratioOf(fleet.ours.wallMs, fleet.official.wallMs),
        '≤ 0.80',
      ],
      ...(fleet.ours.clientCpuMs == null
        ? []
        : [
            [
              'Fleet scenario: CPU of the client process (SDK + proxy)',
              `${fixed(fleet.ours.clientCpuMs / 1000)} s`,
              `${fixed(fleet.official.clientCpuMs / 1000)} s`,
              ratioOf(fleet.ours.clientCpuMs, fleet.official.clientCpuMs),
              '',
            ],
          ]),
      [
        'Fleet scenario: HTTP requests at the server',
        String(fleet.ours.requests),
        String(fleet.official.requests),
        ratioOf(fleet.ours.requests, fleet.official.requests),
        '≤ 1.00',
      ],
      [
        'Fleet scenario: bytes on the wire (both ways)',
        kib(fleet.ours.requestBytes + fleet.ours.responseBytes),
        kib(fleet.official.requestBytes + fleet.official.responseBytes),
        ratioOf(
          fleet.ours.requestBytes + fleet.ours.responseBytes,
          fleet.official.requestBytes + fleet.official.responseBytes,
        ),
        '',
      ],
    );
  }
  if (overhead) {
    list.push(
      [
        'Per request (raw fetch: ' + fixed(overhead.msPerRequest.raw, 2) + ' ms)',
        `${fixed(overhead.msPerRequest.ours, 2)} ms`,
        `${fixed(overhead.msPerRequest.official, 2)} ms`,
        ratioOf(overhead.msPerRequest.ours, overhead.msPerRequest.official),
        '',
      ],
      [
        'Per-request overhead over raw fetch',
        `${fixed(overhead.overheadPercent.ours)} %`,
        `${fixed(overhead.overheadPercent.official)} %`,
        null,
        '≤ 10 %',
      ],
    );
  }
  if (rateLimited) {
    list.push(
      [
        `429 on ${Math.round(rateLimited.settings.share * 100)} % of requests: wall time`,
        `${fixed(rateLimited.ours.wallMs / 1000)} s`,
        `${fixed(rateLimited.official.wallMs / 1000)} s`,
        ratioOf(rateLimited.ours.wallMs, rateLimited.official.wallMs),
        '',
      ],
      [
        '429: calls lost',
        String(rateLimited.ours.lost),
        String(rateLimited.official.lost),
        null,
        '0',
      ],
      [
        '429: requests at the server',
        String(rateLimited.ours.requestsAtServer),
        String(rateLimited.official.requestsAtServer),
        ratioOf(rateLimited.ours.requestsAtServer, rateLimited.official.requestsAtServer),
        '',
      ],
    );
  }
  return list;
}

/** Whether this SDK meets each target, keyed by the target text of its row. */
function targetsMet(results) {
  const { coldStart, install, bundles, fleet, overhead, rateLimited } = results;
  return {
    '≤ 0.20': coldStart && coldStart.ratio.importAndGetSdkMs <= 0.2,
    '≤ 5 packages': install && install.ours.packages <= 5,
    '≤ 3 MB': install && install.ours.bytes <= 3 * 2 ** 20,
    '< 40 KB': bundles && bundles.ours.gzipBytes < 40 * 1024,
    '≤ 0.80': fleet && fleet.ratio.wallMs <= 0.8,
    '≤ 1.00': fleet && fleet.ours.requests <= fleet.official.requests,
    '≤ 10 %': overhead && overhead.overheadPercent.ours <= 10,
    0: rateLimited && rateLimited.ours.lost === 0,
  };
}

/** The OS download and logs figures: this SDK against a raw `fetch` of the same bytes. */
function floorSection(results) {
  const { osDownload, logs } = results;
  const lines = [];
  if (osDownload?.results) {
    const link = osDownload.atLinkSpeed;
    lines.push(
      '',
      '## OS image download: this SDK against a raw `fetch` (medians, MiB/s)',
      '',
      `${osDownload.results[0]?.runs ?? 'n/a'} runs per variant, alternating. Over loopback the download is bound`,
      "by the client's CPU, so verifying the checksum costs what hashing costs: compare the SDK with a raw",
      '`fetch` that hashes with `node:crypto` too. At link speed the API paces the bytes like a network would.',
      '',
      '| image | raw fetch | raw + SHA-256 | SDK, checksum verified | SDK, not verified | verified / raw + SHA-256 | not verified / raw | peak RSS above start: raw / SDK |',
      '|---|---:|---:|---:|---:|---:|---:|---|',
      ...osDownload.results.map(
        (r) =>
          `| ${r.imageMiB} MiB, loopback | ${r.mibPerSecondMedian.raw} | ${r.mibPerSecondMedian.rawHashed} | ${r.mibPerSecondMedian.sdk} | ${r.mibPerSecondMedian.sdkNoChecksum} | ${fixed(r.sdkVsRawHashed, 2)} | ${fixed(r.sdkNoChecksumVsRaw, 2)} | ${r.peakRssAboveStartMiB.raw} / ${r.peakRssAboveStartMiB.sdk} MiB |`,
      ),
    );
    if (link) {
      lines.push(
        '',
        `At ${fixed((link.linkBytesPerSecond * 8) / 1e9, 1)} Gbit/s (${link.imageMiB} MiB image): raw \`fetch\` ${link.mibPerSecondMedian.raw} MiB/s, the SDK with`,
        `its checksum verified ${link.mibPerSecondMedian.sdk} MiB/s: **${fixed(link.sdkVsRaw, 2)} of raw** (target ≥ 0.95).`,
      );
    }
  }
  if (logs?.endToEnd) {
    lines.push(
      '',
      '## Device logs through `sdk.logs.subscribe`',
      '',
      '| measure | value |',
      '|---|---:|',
      `| lines/s, a simulated device POSTing batches of 10 (end to end) | ${logs.endToEnd.linesPerSecond} |`,
      `| lines/s, stream and SDK parsing only | ${logs.streamOnly.linesPerSecond} |`,
      `| line latency, POST to \`line\` event: median / p95 | ${logs.latencyMs.median} / ${logs.latencyMs.p95} ms |`,
      `| line latency, stream and SDK only: median / p95 | ${logs.streamOnlyLatencyMs.median} / ${logs.streamOnlyLatencyMs.p95} ms |`,
    );
  }
  return lines;
}

function markdown(results) {
  const met = targetsMet(results);
  const verdict = (target) =>
    target === '' || met[target] == null ? '' : met[target] ? 'yes' : 'no';
  const table = rows(results).map(
    ([label, ours, official, ratio, target]) =>
      `| ${label} | ${ours} | ${official} | ${ratio == null ? '' : ratio.toFixed(2)} | ${target} | ${verdict(target)} |`,
  );
  const { fleet, rateLimited, overhead, coldStart } = results;
  const lines = [
    '# Benchmarks: this SDK next to the official balena-sdk',
    '',
    `Generated by \`npm run bench\` from \`bench/results/latest.json\` (last run ${results.lastRun?.at ?? 'n/a'},`,
    `Node ${results.machine?.node}, ${results.machine?.cpus} CPUs, load average at the end ${results.machine?.loadAverageAtEnd?.join(' / ')}).`,
    `Official SDK: ${results.officialSdk}. Ratio = ours / official (lower is better).`,
    '',
    '| measure | this SDK | official | ratio | target | met |',
    '|---|---:|---:|---:|---|---|',
    ...table,
    '',
    '![ours / official ratios](benchmarks.svg)',
    '',
    'The fleet scenario is bound by the server: the local API on PGlite runs one transaction at a time, so',
    'most of the wall time is spent in the API whichever SDK calls it. This SDK gains by sending fewer',
    'requests: every request it sends is one the official SDK sends too, but it leaves out lookups whose',
    'answer it already has (listed with their reasons in [compatibility.md](compatibility.md)).',
    '',
    '## How each figure is measured',
    '',
    `- **Cold start**: a fresh Node process imports the package and calls \`getSdk()\`; ${coldStart?.runs ?? 'n/a'} runs per SDK,`,
    "  alternating, medians; the process gets no V8 flags (a flag such as `--expose-gc` slows Node's ESM",
    '  loader itself by ~2 ms). Heap: `heapUsed` after a forced GC, right after construction.',
    '- **Install**: `npm pack` of our SDK and `npm install` of the tarball into an empty folder, next to',
    '  `balena-sdk@23.2.15` installed the same way (`--ignore-scripts`); packages and bytes under `node_modules`.',
    "- **Bundles**: each SDK's UMD file (`dist/balena-browser.min.js` / `es2017/balena-browser.min.js`),",
    '  gzip level 9 and brotli quality 11.',
    `- **Fleet scenario** (${fleet?.devices ?? 'n/a'} devices, ${fleet?.runs ?? 'n/a'} runs per SDK alternating after one unmeasured`,
    `  warm-up run each, medians, ${fleet?.concurrency ?? 'n/a'} calls in flight in the per-device steps):`,
    '  log in, list fleets, create a fleet and a release, register the devices, set an env var and a tag on',
    '  each, pin all to the release, `getAllByApplication`, `getWithServiceDetails` per device, remove the',
    '  devices and the fleet. The local API (PGlite in memory) runs in its own process behind a loopback',
    '  proxy that counts requests and bytes (HTTP/1.1 head + body as sent) as the server sees them.',
    `- **Per-request overhead**: ${overhead?.requestsPerRound ?? 'n/a'} sequential \`pine.get\` calls per round on three small reads,`,
    `  ${overhead?.rounds ?? 'n/a'} rounds rotating raw \`fetch\` / ours / official against the API directly; the floor is raw`,
    '  `fetch` of the same URLs (checked identical) with the same token.',
    `- **Rate limited**: ${rateLimited?.ours?.calls ?? 'n/a'} calls per SDK (3 reads : 1 write), ${rateLimited?.settings?.concurrency ?? 'n/a'} in flight, behind a proxy that adds`,
    `  ${rateLimited?.settings?.latencyMs ?? 'n/a'} ms per request and answers a seeded ${Math.round((rateLimited?.settings?.share ?? 0) * 100)} % of requests with 429 and`,
    `  \`Retry-After: ${rateLimited?.settings?.retryAfterSeconds ?? 'n/a'}\`. Both SDKs get the same options, \`retryRateLimitedRequests: true\``,
    '  (the official SDK does not retry without it, and neither does ours by default).',
    '',
    'The machine was shared with other work while these figures were taken; ratios from alternating runs',
    'are more telling than absolute times. Re-run with `npm run bench` (about 10 minutes on 2 cores);',
    '`BENCH_ONLY=fleet,overhead npm run bench` runs a subset, `BENCH_DEVICES`, `BENCH_FLEET_RUNS`, `BENCH_RUNS`,',
    '`BENCH_OVERHEAD_ROUNDS`, `BENCH_RL_RUNS`, `BENCH_OS_RUNS` set repetitions.',
  ];
  lines.push(...floorSection(results));
  if (fleet?.ours?.stepMs && fleet?.official?.stepMs) {
    lines.push(
      '',
      `## Fleet scenario by step (median ms of ${fleet.runs} runs, ${fleet.devices} devices)`,
      '',
      '| step | this SDK | official | ratio |',
      '|---|---:|---:|---:|',
      ...Object.keys(fleet.ours.stepMs).map((step) => {
        const mine = fleet.ours.stepMs[step];
        const theirs = fleet.official.stepMs[step];
        const ratio = ratioOf(mine, theirs);
        return `| ${step} | ${mine} | ${theirs} | ${ratio == null ? '' : ratio.toFixed(2)} |`;
      }),
    );
  }
  if (fleet?.wire) {
    lines.push(
      '',
      '## Wire comparison (fleet scenario)',
      '',
      `${fleet.wire.ours} requests from this SDK and ${fleet.wire.official} from the official one compared step by step;`,
      `${fleet.wire.identical} identical (method, path, decoded query, body, kind of credentials, after`,
      'labelling run-specific ids, uuids, names and timestamps); requests only this SDK sends:',
      `${fleet.wire.onlyOurs.length}; official requests not accounted for: ${fleet.wire.onlyOfficial.length};`,
      `lookups left out on purpose: ${(fleet.wire.omitted ?? []).reduce((sum, o) => sum + o.count, 0)}.`,
      'Details: [compatibility.md](compatibility.md).',
      '',
      '| step | ours | official | identical |',
      '|---|---:|---:|---:|',
      ...fleet.wire.steps.map((s) => `| ${s.step} | ${s.ours} | ${s.official} | ${s.identical} |`),
    );
  }
  return `${lines.join('\n')}\n`;
}

function svg(results) {
  const bars = rows(results).filter(([, , , ratio]) => ratio != null);
  const width = 760;
  const left = 330;
  const barArea = width - left - 70;
  const rowHeight = 26;
  const height = 60 + bars.length * rowHeight + 30;
  const maxRatio = Math.max(1.5, ...bars.map(([, , , ratio]) => ratio));
  const x = (ratio) => left + (ratio / maxRatio) * barArea;
  const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">This SDK / official balena-sdk (lower is better)</text>`,
  ];
  bars.forEach(([label, , , ratio], index) => {
    const y = 45 + index * rowHeight;
    const color = ratio <= 1 ? '#2e7d32' : '#c62828';
    parts.push(
      `<text x="${left - 8}" y="${y + 14}" text-anchor="end">${escape(label)}</text>`,
      `<rect x="${left}" y="${y + 3}" width="${Math.max(1, x(ratio) - left).toFixed(1)}" height="16" fill="${color}"/>`,
      `<text x="${(x(ratio) + 5).toFixed(1)}" y="${y + 15}">${ratio.toFixed(2)}</text>`,
    );
  });
  const bottom = 45 + bars.length * rowHeight;
  parts.push(
    `<line x1="${x(1).toFixed(1)}" y1="38" x2="${x(1).toFixed(1)}" y2="${bottom}" stroke="#333" stroke-dasharray="4 3"/>`,
    `<text x="${x(1).toFixed(1)}" y="${bottom + 16}" text-anchor="middle">1.0 = same as official</text>`,
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}

/**
 * Writes docs/benchmarks.md and docs/benchmarks.svg from the bench results.
 * @param results - the content of bench/results/latest.json.
 * @returns when both files are written.
 * @throws when the docs folder cannot be written.
 * @example
 * await writeReport(JSON.parse(readFileSync('bench/results/latest.json', 'utf8')));
 */
export async function writeReport(results) {
  mkdirSync(DOCS, { recursive: true });
  // Formatted like every other Markdown file of the repository, so `npm run lint` stays clean.
  const options = (await prettier.resolveConfig(`${DOCS}benchmarks.md`)) ?? {};
  const formatted = await prettier.format(markdown(results), { ...options, parser: 'markdown' });
  writeFileSync(`${DOCS}benchmarks.md`, formatted);
  writeFileSync(`${DOCS}benchmarks.svg`, svg(results));
}
