// What the simulated supervisor answers to each command, and which effect the device then plays out. Actions that
// respect the update lock answer 423 while it is held, unless the call says `force: true`.
import type { SupervisorAnswer, SupervisorCall } from './supervisor-server.js';

/** A change the device makes after answering a command. */
export type DeviceEffect =
  | { kind: 'reboot' }
  | { kind: 'shutdown' }
  | { kind: 'restart-app' }
  | { kind: 'purge' }
  | { kind: 'update' }
  | { kind: 'blink' }
  | { kind: 'service'; action: 'start' | 'stop' | 'restart'; imageId: number }
  | { kind: 'os-update'; targetVersion: string };

/** The answer to a call and the effect to play out afterwards. */
export interface CommandOutcome {
  answer: SupervisorAnswer;
  effect?: DeviceEffect;
}

const OK = { Data: 'OK', Error: null };
const LOCKED: SupervisorAnswer = {
  status: 423,
  body: { Data: '', Error: 'Updates are locked: the update lock is held by a service' },
};

function dataOf(call: SupervisorCall): Record<string, unknown> {
  return call.body;
}

function isForced(call: SupervisorCall): boolean {
  const force = dataOf(call).force;
  return force === true || force === 'true';
}

const SERVICE_PATH = /^\/v2\/applications\/(\d+)\/(start|stop|restart)-service$/;

/**
 * Answers one supervisor call.
 * @param call the relayed call (method, path, JSON body = the `data` the SDK sent)
 * @param locked whether the device holds an update lock that is not overridden
 * @param deviceStatus the body of `GET /v1/device`
 * @throws never
 * @example
 * answerSupervisorCall({ method: 'POST', path: '/v1/reboot', body: { force: false } }, true, {}); // 423
 */
export function answerSupervisorCall(
  call: SupervisorCall,
  locked: boolean,
  deviceStatus: Record<string, unknown>,
): CommandOutcome {
  const blocked = locked && !isForced(call);
  switch (`${call.method} ${call.path}`) {
    case 'GET /ping':
      return { answer: { status: 200, body: 'OK' } };
    case 'GET /v1/device':
      return { answer: { status: 200, body: deviceStatus } };
    case 'POST /v1/blink':
      return { answer: { status: 200, body: 'OK' }, effect: { kind: 'blink' } };
    case 'POST /v1/update':
      return { answer: { status: 204 }, effect: { kind: 'update' } };
    case 'POST /v1/reboot':
      return blocked
        ? { answer: LOCKED }
        : { answer: { status: 202, body: OK }, effect: { kind: 'reboot' } };
    case 'POST /v1/shutdown':
      return blocked
        ? { answer: LOCKED }
        : { answer: { status: 202, body: OK }, effect: { kind: 'shutdown' } };
    case 'POST /v1/restart':
      return blocked
        ? { answer: LOCKED }
        : { answer: { status: 200, body: 'OK' }, effect: { kind: 'restart-app' } };
    case 'POST /v1/purge':
      return blocked
        ? { answer: LOCKED }
        : { answer: { status: 200, body: OK }, effect: { kind: 'purge' } };
    case 'POST /local/v1/os-update': {
      const target = dataOf(call).target_version;
      if (typeof target !== 'string' || target === '')
        return { answer: { status: 400, body: 'target_version is required' } };
      return {
        answer: { status: 202, body: OK },
        effect: { kind: 'os-update', targetVersion: target },
      };
    }
    default:
      break;
  }
  const service = call.method === 'POST' ? SERVICE_PATH.exec(call.path) : null;
  if (service != null) {
    const action = service[2] as 'start' | 'stop' | 'restart';
    const imageId = Number(dataOf(call).imageId);
    if (!Number.isInteger(imageId)) return { answer: { status: 400, body: 'Missing imageId' } };
    // Starting a service never conflicts with a lock; stopping and restarting do.
    if (blocked && action !== 'start') return { answer: LOCKED };
    return { answer: { status: 200, body: 'OK' }, effect: { kind: 'service', action, imageId } };
  }
  return { answer: { status: 404, body: `Cannot ${call.method} ${call.path}` } };
}
