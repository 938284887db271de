// A small model in the exact shape @balena/abstract-sql-to-typescript v6.1.23 generates, used only
// by the type tests so that they do not depend on the generated src/types/v7.generated.ts.

type Types = {
  'Date Time': { Read: string; Write: string | number | Date };
  Serial: { Read: number; Write: number };
  Integer: { Read: number; Write: number };
  'Short Text': { Read: string; Write: string };
  Text: { Read: string; Write: string };
  Boolean: { Read: boolean; Write: boolean };
};

export interface Organization {
  Read: {
    created_at: Types['Date Time']['Read'];
    id: Types['Serial']['Read'];
    name: Types['Short Text']['Read'];
    handle: Types['Short Text']['Read'];
    application?: Array<Application['Read']>;
  };
  Write: {
    created_at: Types['Date Time']['Write'];
    id: Types['Serial']['Write'];
    name: Types['Short Text']['Write'];
    handle: Types['Short Text']['Write'];
  };
}

export interface Application {
  Read: {
    created_at: Types['Date Time']['Read'];
    id: Types['Serial']['Read'];
    app_name: Types['Text']['Read'];
    slug: Types['Short Text']['Read'];
    organization: { __id: Organization['Read']['id'] } | [Organization['Read']];
    is_public: Types['Boolean']['Read'];
    owns__device?: Array<Device['Read']>;
    owns__release?: Array<Release['Read']>;
  };
  Write: {
    created_at: Types['Date Time']['Write'];
    id: Types['Serial']['Write'];
    app_name: Types['Text']['Write'];
    slug: Types['Short Text']['Write'];
    organization: Organization['Write']['id'];
    is_public: Types['Boolean']['Write'];
  };
}

export interface Release {
  Read: {
    created_at: Types['Date Time']['Read'];
    id: Types['Serial']['Read'];
    commit: Types['Short Text']['Read'];
    belongs_to__application: { __id: Application['Read']['id'] } | [Application['Read']];
    status: Types['Short Text']['Read'];
  };
  Write: {
    created_at: Types['Date Time']['Write'];
    id: Types['Serial']['Write'];
    commit: Types['Short Text']['Write'];
    belongs_to__application: Application['Write']['id'];
    status: Types['Short Text']['Write'];
  };
}

export interface Device {
  Read: {
    created_at: Types['Date Time']['Read'];
    id: Types['Serial']['Read'];
    uuid: Types['Short Text']['Read'];
    device_name: Types['Short Text']['Read'];
    note: Types['Text']['Read'] | null;
    is_online: Types['Boolean']['Read'];
    belongs_to__application: { __id: Application['Read']['id'] } | [Application['Read']];
    is_running__release: { __id: Release['Read']['id'] } | [Release['Read']] | null;
    device_tag?: Array<DeviceTag['Read']>;
  };
  Write: {
    created_at: Types['Date Time']['Write'];
    id: Types['Serial']['Write'];
    uuid: Types['Short Text']['Write'];
    device_name: Types['Short Text']['Write'];
    note: Types['Text']['Write'] | null;
    is_online: Types['Boolean']['Write'];
    belongs_to__application: Application['Write']['id'];
    is_running__release: Release['Write']['id'] | null;
  };
}

export interface DeviceTag {
  Read: {
    created_at: Types['Date Time']['Read'];
    id: Types['Serial']['Read'];
    device: { __id: Device['Read']['id'] } | [Device['Read']];
    tag_key: Types['Short Text']['Read'];
    value: Types['Text']['Read'];
  };
  Write: {
    created_at: Types['Date Time']['Write'];
    id: Types['Serial']['Write'];
    device: Device['Write']['id'];
    tag_key: Types['Short Text']['Write'];
    value: Types['Text']['Write'];
  };
}

export default interface $Model {
  organization: Organization;
  application: Application;
  release: Release;
  device: Device;
  device__has__tag_key: DeviceTag;
  // Synonyms
  device_tag: DeviceTag;
}
