// Computed (read-only, filterable, sortable) fields of the v7 model, as abstract SQL.
import type { AbstractSqlQuery, AbstractSqlModel } from '@balena/abstract-sql-compiler';

const device = (field: string): AbstractSqlQuery => ['ReferencedField', 'device', field];
const text = (value: string): AbstractSqlQuery => ['EmbeddedText', value];
const isNull = (value: AbstractSqlQuery): AbstractSqlQuery => ['NotExists', value];
const isNotNull = (value: AbstractSqlQuery): AbstractSqlQuery => ['Exists', value];
const heartbeatIs = (...states: string[]): AbstractSqlQuery => [
  'Or',
  ...states.map((state): AbstractSqlQuery => [
    'Equals',
    device('api heartbeat state'),
    text(state),
  ]),
];

// The release a device should run: its pin, else its fleet's target release.
const targetRelease: AbstractSqlQuery = [
  'Coalesce',
  device('is pinned on-release'),
  [
    'SelectQuery',
    ['Select', [['ReferencedField', 'app', 'should be running-release']]],
    ['From', ['Alias', ['Table', 'application'], 'app']],
    ['Where', ['Equals', ['ReferencedField', 'app', 'id'], device('belongs to-application')]],
  ],
];

const downloadingInstallExists: AbstractSqlQuery = [
  'Exists',
  [
    'SelectQuery',
    ['Select', []],
    ['From', ['Alias', ['Table', 'device-installs-image'], 'ii']],
    [
      'Where',
      [
        'And',
        ['Equals', ['ReferencedField', 'ii', 'device'], device('id')],
        isNotNull(['ReferencedField', 'ii', 'download progress']),
        ['Equals', ['ReferencedField', 'ii', 'status'], text('Downloading')],
      ],
    ],
  ],
];

// Effective VPN-control setting: the device's config var, else its fleet's; BALENA_ beats RESIN_.
const vpnControlSetting = (): AbstractSqlQuery => {
  const lookup = (
    table: string,
    owner: string,
    ownerId: AbstractSqlQuery,
    name: string,
  ): AbstractSqlQuery => [
    'SelectQuery',
    ['Select', [['ReferencedField', 'cv', 'value']]],
    ['From', ['Alias', ['Table', table], 'cv']],
    [
      'Where',
      [
        'And',
        ['Equals', ['ReferencedField', 'cv', owner], ownerId],
        ['Equals', ['ReferencedField', 'cv', 'name'], text(name)],
      ],
    ],
  ];
  return [
    'Coalesce',
    lookup('device-has-config var name', 'device', device('id'), 'BALENA_SUPERVISOR_VPN_CONTROL'),
    lookup('device-has-config var name', 'device', device('id'), 'RESIN_SUPERVISOR_VPN_CONTROL'),
    lookup(
      'application-has-config var name',
      'application',
      device('belongs to-application'),
      'BALENA_SUPERVISOR_VPN_CONTROL',
    ),
    lookup(
      'application-has-config var name',
      'application',
      device('belongs to-application'),
      'RESIN_SUPERVISOR_VPN_CONTROL',
    ),
    text('not set'),
  ];
};

const notConnectedToVpn: AbstractSqlQuery = [
  'Not',
  ['Equals', device('is connected to vpn'), ['Boolean', true]],
];
const connectedToVpn: AbstractSqlQuery = [
  'Equals',
  device('is connected to vpn'),
  ['Boolean', true],
];
const neverCameOnline: AbstractSqlQuery = [
  'And',
  notConnectedToVpn,
  isNull(device('last connectivity event')),
  heartbeatIs('unknown'),
];
const offline: AbstractSqlQuery = ['And', notConnectedToVpn, heartbeatIs('offline', 'unknown')];
const reachable = heartbeatIs('online', 'timeout');
const deviceDownloading: AbstractSqlQuery = [
  'And',
  reachable,
  isNotNull(device('download progress')),
  ['Equals', device('status'), text('Downloading')],
];
const provisioning = isNotNull(device('provisioning progress'));
const inactive: AbstractSqlQuery = ['Not', ['Equals', device('is active'), ['Boolean', true]]];
const postProvisioning: AbstractSqlQuery = [
  'Equals',
  device('provisioning state'),
  text('Post-Provisioning'),
];

const overallStatus: AbstractSqlQuery = [
  'Case',
  ['When', inactive, text('inactive')],
  ['When', postProvisioning, text('post-provisioning')],
  ['When', neverCameOnline, text('configuring')],
  ['When', offline, text('disconnected')],
  ['When', deviceDownloading, text('updating')],
  ['When', provisioning, text('configuring')],
  ['When', ['And', reachable, downloadingInstallExists], text('updating')],
  [
    'When',
    [
      'Or',
      heartbeatIs('timeout'),
      ['And', connectedToVpn, ['Not', heartbeatIs('online')]],
      [
        'And',
        notConnectedToVpn,
        heartbeatIs('online'),
        ['NotEquals', vpnControlSetting(), text('false')],
      ],
    ],
    text('reduced-functionality'),
  ],
  ['Else', text('operational')],
];

// Average progress over the installs that matter for the current update (downloading or of the target release).
const averageInstallProgress: AbstractSqlQuery = [
  'SelectQuery',
  [
    'Select',
    [
      [
        'Cast',
        [
          'Round',
          [
            'Average',
            ['Coalesce', ['ReferencedField', 'ii', 'download progress'], ['Number', 100]],
          ],
        ],
        'Integer',
      ],
    ],
  ],
  ['From', ['Alias', ['Table', 'device-installs-image'], 'ii']],
  [
    'Where',
    [
      'And',
      ['Equals', ['ReferencedField', 'ii', 'device'], device('id')],
      ['NotEquals', ['ReferencedField', 'ii', 'status'], text('deleted')],
      [
        'Or',
        ['Equals', ['ReferencedField', 'ii', 'status'], text('Downloading')],
        ['Equals', ['ReferencedField', 'ii', 'is provided by-release'], targetRelease],
      ],
    ],
  ],
];

const overallProgress: AbstractSqlQuery = [
  'Case',
  ['When', inactive, ['Null']],
  ['When', postProvisioning, device('provisioning progress')],
  ['When', neverCameOnline, device('provisioning progress')],
  ['When', offline, ['Null']],
  ['When', deviceDownloading, device('download progress')],
  ['When', provisioning, device('provisioning progress')],
  ['When', ['And', reachable, downloadingInstallExists], averageInstallProgress],
  ['Else', ['Null']],
];

/**
 * Turns the placeholder device fields of the parsed model into computed fields.
 *
 * `overall_status`, `overall_progress` and `should_be_running__release` are declared as ordinary
 * facts in the SBVR (so they get names, types and navigations) and computed here from other columns.
 * @param model the abstract SQL model straight from the SBVR, before schema optimisation; changed in place.
 * @throws when the model lacks the device table or one of the placeholder fields.
 * @example
 * addComputedFields(abstractSql);
 */
export function addComputedFields(model: AbstractSqlModel): void {
  const table = model.tables['device'];
  if (table == null) throw new Error('The model has no device table');
  const computed: Record<string, AbstractSqlQuery> = {
    'overall status': overallStatus,
    'overall progress': overallProgress,
    'should be running-release': targetRelease,
  };
  for (const [fieldName, definition] of Object.entries(computed)) {
    const field = table.fields.find((candidate) => candidate.fieldName === fieldName);
    if (field == null) throw new Error(`The device table has no field "${fieldName}"`);
    field.computed = definition;
  }
}
