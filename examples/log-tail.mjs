// Live log tail of a device with `sdk.logs.subscribe`: prints lines as the device sends them, until
// Ctrl-C or until a given number of lines has arrived.
//
// Run it against the local API (start it with `npm start`: the demo account's simulated devices
// write a few log lines every few seconds):
//   node examples/log-tail.mjs [device-uuid] [line-count]
// Without a uuid it follows the first online device of the account. Environment: BALENA_API_URL
// (default http://127.0.0.1:1337/), BALENA_EMAIL and BALENA_PASSWORD (default: the demo account).
// The subscription reconnects by itself when the connection drops and resumes without losing or
// repeating lines.
import { getSdk } from 'balena-sdk';

const apiUrl = process.env.BALENA_API_URL ?? 'http://127.0.0.1:1337/';
const email = process.env.BALENA_EMAIL ?? 'demo@balena-local.test';
const password = process.env.BALENA_PASSWORD ?? 'balena-demo-password';
const [uuidArgument, countArgument] = process.argv.slice(2);
const maxLines = countArgument === undefined ? Infinity : Number(countArgument);

async function main() {
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  await sdk.auth.login({ email, password });

  let uuid = uuidArgument || undefined;
  if (uuid === undefined) {
    // The official SDK has no device.getAll: ask the API directly with a typed pine query.
    const [device] = await sdk.pine.get({
      resource: 'device',
      options: { $select: ['uuid'], $filter: { is_online: true }, $top: 1 },
    });
    if (device === undefined) throw new Error('No online device: give a device uuid');
    uuid = device.uuid;
  }

  // count: 0 skips the history: only lines sent from now on.
  const subscription = await sdk.logs.subscribe(uuid, { count: 0 });
  let printed = 0;
  subscription.on('connect', ({ attempt }) => {
    console.log(attempt === 0 ? `Following the logs of ${uuid}` : 'Reconnected');
  });
  subscription.on('line', (line) => {
    const time = new Date(line.timestamp).toISOString();
    const source = line.isSystem ? 'system' : `service ${line.serviceId}`;
    console.log(`${time} [${source}] ${line.message}`);
    printed += 1;
    if (printed >= maxLines) subscription.unsubscribe();
  });
  subscription.on('error', (error) => {
    console.error(`Log stream failed: ${error.message}`);
    process.exitCode = 1;
  });
  // 'end' follows unsubscribe() and fatal errors; Ctrl-C ends the subscription the same way.
  subscription.on('end', () => console.log(`Stopped after ${printed} lines`));
  process.once('SIGINT', () => subscription.unsubscribe());
}

main().catch((error) => {
  console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
});
