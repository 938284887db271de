// Unit test of the grouping behind application.getWithDeviceServiceDetails (current_services_by_app).
import { describe, expect, it } from 'vitest';
import { groupServicesByApp } from '../../src/models/application/device-details.js';

function install(
  id: number,
  service: string,
  slug: string,
  installDate: string,
  status = 'Running',
) {
  return {
    id,
    download_progress: null,
    status,
    install_date: installDate,
    installs__image: [
      { id: id * 10, is_a_build_of__service: [{ id: id * 100, service_name: service }] },
    ],
    is_provided_by__release: [
      {
        id: id * 1000,
        commit: `c${id}`,
        raw_version: `1.0.${id}`,
        belongs_to__application: [{ slug }],
      },
    ],
  };
}

describe('groupServicesByApp', () => {
  it('groups installs by fleet slug and service name, newest install first', () => {
    const grouped = groupServicesByApp({
      image_install: [
        install(1, 'main', 'org/app', '2024-01-01T00:00:00.000Z'),
        install(2, 'main', 'org/app', '2024-03-01T00:00:00.000Z', 'Downloading'),
        install(3, 'sidecar', 'org/app', '2024-02-01T00:00:00.000Z'),
        install(4, 'supervisor', 'org/host', '2024-02-01T00:00:00.000Z'),
      ],
    });
    expect(Object.keys(grouped).sort()).toEqual(['org/app', 'org/host']);
    expect(grouped['org/app'].main.map((s) => s.id)).toEqual([2, 1]);
    expect(grouped['org/app'].main[0]).toEqual({
      id: 2,
      image_id: 20,
      service_id: 200,
      download_progress: null,
      status: 'Downloading',
      install_date: '2024-03-01T00:00:00.000Z',
      commit: 'c2',
      raw_version: '1.0.2',
      release_id: 2000,
    });
    expect(grouped['org/app'].sidecar).toHaveLength(1);
    expect(grouped['org/host'].supervisor[0].service_id).toBe(400);
  });

  it('skips installs whose image, service or release is not visible, and is empty without installs', () => {
    const hidden = {
      ...install(5, 'main', 'org/app', '2024-01-01T00:00:00.000Z'),
      installs__image: [],
    };
    expect(groupServicesByApp({ image_install: [hidden] })).toEqual({});
    expect(groupServicesByApp({ image_install: [] })).toEqual({});
  });
});
