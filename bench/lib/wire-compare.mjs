// Compares two proxy recordings of the fleet scenario (this SDK and the official one), step by step.
// Values that differ between runs by nature (ids, uuids, names, commits, timestamps) are replaced by
// labels first; within a step requests are compared as a multiset, because concurrent calls arrive
// in any order.

const ISO_DATE = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g;
const PAGING_KEYS = new Set(['$top', '$skip']);
// Body fields that hold ids of what the scenario created; other numbers (user, organization, device
// type) are the same for both SDKs and stay as they are.
const REFERENCE_KEYS = new Set([
  'id',
  'application',
  'belongs_to__application',
  'device',
  'is_pinned_on__release',
  'release',
  'actorTypeId',
]);

/**
 * Requests the official SDK sends and this SDK deliberately does not, each with its reason (also
 * listed in docs/compatibility.md). A request of the official recording that matches one of these,
 * and has no twin in ours, is counted as `omitted` instead of `onlyOfficial`.
 */
export const DELIBERATE_OMISSIONS = [
  {
    steps: ['register devices'],
    method: 'GET',
    path: '/v7/application(<id>)',
    query: [['$select', 'id']],
    reason:
      'device.register looks the fleet up once (with its device type) and creates the provisioning key for that id; the official SDK also looks the fleet up a second time to create the key',
  },
  {
    steps: ['register devices'],
    method: 'POST',
    path: '/api-key/v2/',
    query: [],
    body: {
      actorType: 'application',
      actorTypeId: '<id>',
      description: 'Created by SDK to register a device',
      expiryDate: '<date>',
      roles: ['provisioning-api-key'],
    },
    reason:
      "device.register reuses the provisioning key it created for the fleet for half the key's ten-minute life (a revoked key is replaced), instead of creating one key per device",
  },
  {
    steps: ['set env vars', 'set tags'],
    method: 'GET',
    path: "/v7/device(uuid='<device-uuid>')",
    query: [['$select', 'id']],
    reason:
      'the SDK already knows the device id for this uuid (from the registration or an earlier lookup), so the write goes out without the lookup; a stale id is looked up again',
  },
];

function omissionOf(step, request) {
  return DELIBERATE_OMISSIONS.find(
    (omission) =>
      omission.steps.includes(step) &&
      omission.method === request.method &&
      omission.path === request.path &&
      JSON.stringify(omission.query) === JSON.stringify(request.query) &&
      JSON.stringify(omission.body ?? null) === JSON.stringify(request.body),
  );
}

/** The labels of one run: strings and ids the scenario created, from its result. */
export function labelsOf(result) {
  const strings = new Map([
    [result.fleet.slug, '<fleet-slug>'],
    [result.fleet.uuid, '<fleet-uuid>'],
    [result.fleet.name, '<fleet-name>'],
    [result.release.commit, '<commit>'],
  ]);
  for (const device of result.devices) strings.set(device.uuid, '<device-uuid>');
  const ids = new Set([result.fleet.id, result.release.id, ...result.devices.map((d) => d.id)]);
  return { strings, ids };
}

function labelText(text, labels, { numbers = true } = {}) {
  let labelled = text.replace(ISO_DATE, '<date>');
  // Longest first, so a slug is replaced before the fleet name it contains.
  const keys = [...labels.strings.keys()].filter(Boolean).sort((a, b) => b.length - a.length);
  for (const key of keys) labelled = labelled.split(key).join(labels.strings.get(key));
  if (!numbers) return labelled;
  return labelled.replace(/\b\d+\b/g, (digits) =>
    labels.ids.has(Number(digits)) ? '<id>' : digits,
  );
}

function labelValue(value, labels, key = '') {
  if (typeof value === 'string') return labelText(value, labels, { numbers: false });
  if (typeof value === 'number') {
    return REFERENCE_KEYS.has(key) && labels.ids.has(value) ? '<id>' : value;
  }
  if (Array.isArray(value)) return value.map((item) => labelValue(item, labels, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((name) => [name, labelValue(value[name], labels, name)]),
    );
  }
  return value;
}

/**
 * One recorded request as a comparable string, with run-specific values labelled.
 * @param entry - a proxy recording entry.
 * @param labels - from {@link labelsOf}.
 * @returns a stable JSON text: method, path, query pairs in order, body with sorted keys, auth kind.
 * @example
 * canonicalRequest(recording[0], labelsOf(result));
 */
export function canonicalRequest(entry, labels) {
  return JSON.stringify({
    method: entry.method,
    path: labelText(entry.path, labels),
    query: entry.query.map(([key, value]) => [
      key,
      PAGING_KEYS.has(key) ? value : labelText(value, labels),
    ]),
    body: labelValue(entry.body ?? null, labels),
    auth: entry.auth,
  });
}

function countBy(values) {
  const counts = new Map();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
}

/**
 * Compares the recordings of the two SDKs step by step.
 * @param ours - `{ recording, result }` of this SDK's run.
 * @param official - the same for the official SDK.
 * @returns totals (`ours`, `official`, `identical`), per-step counts, the requests only one side
 *   sent, and the official requests ours leaves out on purpose (`omitted`, with the reason).
 * @example
 * const diff = compareRecordings({ recording, result }, { recording: theirs, result: theirResult });
 */
export function compareRecordings(ours, official) {
  const oursLabels = labelsOf(ours.result);
  const officialLabels = labelsOf(official.result);
  const steps = [...new Set([...ours.recording, ...official.recording].map((e) => e.step))];
  const report = {
    ours: 0,
    official: 0,
    identical: 0,
    steps: [],
    onlyOurs: [],
    onlyOfficial: [],
    omitted: [],
  };
  for (const step of steps) {
    const mine = countBy(
      ours.recording.filter((e) => e.step === step).map((e) => canonicalRequest(e, oursLabels)),
    );
    const theirs = countBy(
      official.recording
        .filter((e) => e.step === step)
        .map((e) => canonicalRequest(e, officialLabels)),
    );
    const sum = (counts) => [...counts.values()].reduce((a, b) => a + b, 0);
    let identical = 0;
    for (const [key, count] of mine) {
      const other = theirs.get(key) ?? 0;
      identical += Math.min(count, other);
      if (count > other)
        report.onlyOurs.push({ step, count: count - other, request: JSON.parse(key) });
    }
    for (const [key, count] of theirs) {
      const other = mine.get(key) ?? 0;
      if (count > other) {
        const request = JSON.parse(key);
        const omission = omissionOf(step, request);
        const entry = { step, count: count - other, request };
        if (omission === undefined) report.onlyOfficial.push(entry);
        else report.omitted.push({ ...entry, reason: omission.reason });
      }
    }
    report.steps.push({ step, ours: sum(mine), official: sum(theirs), identical });
    report.ours += sum(mine);
    report.official += sum(theirs);
    report.identical += identical;
  }
  return report;
}
