// Names and values of environment / configuration variables, and tag keys (api-spec §1.4).
import { hooks } from '@balena/pinejs';
import { API_ROOT, check, type HookArgs } from './hook-utils.js';
import {
  checkConfigVarName,
  checkEnvVarName,
  checkTagKey,
  checkVariableValue,
} from './validators.js';

const ENV_VAR_RESOURCES = [
  'application_environment_variable',
  'device_environment_variable',
  'service_environment_variable',
  'device_service_environment_variable',
  'build_environment_variable',
];
const CONFIG_VAR_RESOURCES = ['application_config_variable', 'device_config_variable'];
const TAG_RESOURCES = [
  'application_tag',
  'device_tag',
  'release_tag',
  'organization_membership_tag',
];
const WRITE_METHODS = ['POST', 'PATCH', 'PUT'] as const;

/** The variable name field: `name` in the real v7 API; the model's own field names are accepted too. */
const NAME_FIELDS = ['name', 'env_var_name', 'config_var_name', 'build_var_name'];

function validator(nameCheck: (name: unknown) => string | undefined) {
  return ({ request }: HookArgs) => {
    const { values, method } = request;
    const field = NAME_FIELDS.find((candidate) => candidate in values);
    if (method === 'POST' || field !== undefined)
      check(nameCheck(field === undefined ? undefined : values[field]));
    if ('value' in values) check(checkVariableValue(values.value));
  };
}

function tagValidator({ request }: HookArgs): void {
  if (request.method === 'POST' || 'tag_key' in request.values)
    check(checkTagKey(request.values.tag_key));
}

/**
 * Registers the variable-name, variable-value and tag-key hooks.
 * @throws Error when the model lacks one of the resources
 * @example
 * registerVariableRules();
 */
export function registerVariableRules(): void {
  for (const method of WRITE_METHODS) {
    for (const resource of ENV_VAR_RESOURCES) {
      hooks.addPureHook(method, API_ROOT, resource, { POSTPARSE: validator(checkEnvVarName) });
    }
    for (const resource of CONFIG_VAR_RESOURCES) {
      hooks.addPureHook(method, API_ROOT, resource, { POSTPARSE: validator(checkConfigVarName) });
    }
    for (const resource of TAG_RESOURCES) {
      hooks.addPureHook(method, API_ROOT, resource, { POSTPARSE: tagValidator });
    }
  }
}
