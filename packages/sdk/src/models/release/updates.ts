/**
 * Changing releases: `finalize`, `setIsInvalidated`, `setNote`, `setKnownIssueList`.
 */
import type { PineRequestOptions } from '../../pine/index.js';
import type { Release } from '../../types/v7.generated.js';
import type { SdkModelContext } from '../index.js';
import { resolveReleaseId, type CommitOrIdOrRawVersion } from './lookup.js';

/**
 * Builds the release update methods.
 *
 * @param ctx - the model context.
 * @returns the methods.
 * @throws {Error} never at build time.
 * @example
 * const updates = createReleaseUpdates(ctx);
 */
export function createReleaseUpdates(ctx: SdkModelContext) {
  const { pine } = ctx;

  async function patchRelease(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    body: Partial<Release['Write']>,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    const id = await resolveReleaseId(pine, commitOrIdOrRawVersion, callOptions);
    await pine.patch({ resource: 'release', id, body }, callOptions);
  }

  /**
   * Finalizes a draft release (assigns its revision; a final release stays final).
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaReleaseNotFound} when no release matches.
   * @example
   * await sdk.models.release.finalize(123);
   */
  function finalize(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return patchRelease(commitOrIdOrRawVersion, { is_final: true }, callOptions);
  }

  /**
   * Marks a release invalid (devices will not be updated to it) or valid again.
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param isInvalidated - true to invalidate, false to validate.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaReleaseNotFound} when no release matches.
   * @example
   * await sdk.models.release.setIsInvalidated(123, true);
   */
  function setIsInvalidated(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    isInvalidated: boolean,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return patchRelease(commitOrIdOrRawVersion, { is_invalidated: isInvalidated }, callOptions);
  }

  /**
   * Sets or clears the note of a release.
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param noteOrNull - the note, or null to clear it.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaReleaseNotFound} when no release matches.
   * @example
   * await sdk.models.release.setNote(123, 'first field test');
   */
  function setNote(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    noteOrNull: string | null,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return patchRelease(commitOrIdOrRawVersion, { note: noteOrNull }, callOptions);
  }

  /**
   * Sets or clears the known-issue list of a release.
   *
   * @param commitOrIdOrRawVersion - the release id, its full commit, or its fleet and raw version.
   * @param knownIssueListOrNull - the text, or null to clear it.
   * @param callOptions - `signal`, `headers`, `timeout`.
   * @returns nothing.
   * @throws {BalenaReleaseNotFound} when no release matches.
   * @example
   * await sdk.models.release.setKnownIssueList(123, 'wifi drops on boot');
   */
  function setKnownIssueList(
    commitOrIdOrRawVersion: CommitOrIdOrRawVersion,
    knownIssueListOrNull: string | null,
    callOptions?: PineRequestOptions,
  ): Promise<void> {
    return patchRelease(
      commitOrIdOrRawVersion,
      { known_issue_list: knownIssueListOrNull },
      callOptions,
    );
  }

  return { finalize, setIsInvalidated, setNote, setKnownIssueList };
}
