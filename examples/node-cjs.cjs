// Node CommonJS: `require('balena-sdk')`, log in, list your fleets, create one and remove it again.
//
// Run it against the local API (start it with `npm start`, which prints the demo account):
//   node examples/node-cjs.cjs
// Environment: BALENA_API_URL (default http://127.0.0.1:1337/), BALENA_EMAIL and BALENA_PASSWORD
// (default: the demo account), BALENA_DEVICE_TYPE for the new fleet (default raspberrypi3).
const { getSdk } = require('balena-sdk');

const apiUrl = process.env.BALENA_API_URL ?? 'http://127.0.0.1:1337/';
const email = process.env.BALENA_EMAIL ?? 'demo@balena-local.test';
const password = process.env.BALENA_PASSWORD ?? 'balena-demo-password';
const deviceType = process.env.BALENA_DEVICE_TYPE ?? 'raspberrypi3';

async function main() {
  // dataDirectory: false keeps the session token in memory instead of ~/.balena.
  const sdk = getSdk({ apiUrl, dataDirectory: false });
  await sdk.auth.login({ email, password });
  const { username } = await sdk.auth.getUserInfo();
  console.log(`Logged in to ${apiUrl} as ${username}`);

  const fleets = await sdk.models.application.getAllDirectlyAccessible({
    $select: ['id', 'slug'],
  });
  console.log('Fleets:');
  for (const fleet of fleets) console.log(`  ${fleet.id}  ${fleet.slug}`);

  const name = `example-${Date.now().toString(36)}`;
  const created = await sdk.models.application.create({
    name,
    deviceType,
    organization: username,
  });
  console.log(`Created fleet ${created.app_name} (id ${created.id})`);

  // get() throws BalenaApplicationNotFound once the fleet is gone; errors carry a stable `code`.
  await sdk.models.application.remove(created.id);
  try {
    await sdk.models.application.get(created.id);
    console.log(`Fleet ${created.app_name} still exists`);
  } catch (error) {
    if (error.code !== 'BalenaApplicationNotFound') throw error;
    console.log(`Removed fleet ${created.app_name}`);
  }
}

main().catch((error) => {
  console.error(`${error.name}: ${error.message}`);
  process.exitCode = 1;
});
