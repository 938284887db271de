import { describe, expect, it } from 'vitest';
import { releaseVersionFields } from '../src/rules/release-version.js';

const base = {
  major: 1,
  minor: 1,
  patch: 1,
  prerelease: '',
  build: '',
  variant: '',
  revision: null,
  createdAtMs: 1718000000123,
};

describe('release version fields', () => {
  it('appends the creation time to drafts', () => {
    const fields = releaseVersionFields(base);
    expect(fields.raw_version).toBe('1.1.1-1718000000123');
    expect(fields.is_final).toBe(false);
    expect(fields.version.prerelease).toEqual([1718000000123]);
    expect(fields.version.version).toBe('1.1.1-1718000000123');
  });

  it('adds rev<N> for revisions above zero', () => {
    expect(releaseVersionFields({ ...base, revision: 0 }).raw_version).toBe('1.1.1');
    expect(releaseVersionFields({ ...base, revision: 1 }).raw_version).toBe('1.1.1+rev1');
    expect(releaseVersionFields({ ...base, revision: 2 }).raw_version).toBe('1.1.1+rev2');
    expect(releaseVersionFields({ ...base, revision: 2 }).is_final).toBe(true);
  });

  it('handles OS releases with a build rev and a variant', () => {
    const fields = releaseVersionFields({
      ...base,
      major: 2,
      minor: 48,
      patch: 0,
      build: 'rev1',
      variant: 'prod',
      revision: 0,
    });
    expect(fields.raw_version).toBe('2.48.0+rev1.prod');
    expect(fields.semver).toBe('2.48.0+rev1');
    expect(fields.version).toEqual({
      raw: '2.48.0+rev1.prod',
      major: 2,
      minor: 48,
      patch: 0,
      prerelease: [],
      build: ['rev1', 'prod'],
      version: '2.48.0',
    });
  });

  it('does not repeat a rev segment already in the build', () => {
    expect(releaseVersionFields({ ...base, build: 'rev3', revision: 3 }).raw_version).toBe(
      '1.1.1+rev3',
    );
  });

  it('keeps prerelease segments before the draft timestamp', () => {
    const fields = releaseVersionFields({
      ...base,
      prerelease: 'beta.2',
      major: 0,
      minor: 0,
      patch: 0,
    });
    expect(fields.raw_version).toBe('0.0.0-beta.2.1718000000123');
    expect(fields.semver).toBe('0.0.0-beta.2');
    expect(fields.version.prerelease).toEqual(['beta', '2', 1718000000123]);
  });
});
