/**
 * The `$expand` that reads a device's image installs with their services and releases: what
 * `device.getWithServiceDetails` and `application.getWithDeviceServiceDetails` group into services.
 */
export const SERVICE_DETAILS_EXPAND = {
  image_install: {
    $select: ['id', 'download_progress', 'status', 'install_date'],
    $filter: { status: { $ne: 'deleted' } },
    $expand: {
      installs__image: {
        $select: 'id',
        $expand: { is_a_build_of__service: { $select: ['id', 'service_name'] } },
      },
      is_provided_by__release: {
        $select: ['id', 'commit', 'raw_version'],
        $expand: { belongs_to__application: { $select: 'slug' } },
      },
    },
  },
} as const;
