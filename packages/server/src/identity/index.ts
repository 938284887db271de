// Owned by the identity work (issue 3): authentication middleware and the non-OData identity routes.
// The server calls installIdentity(app) before pinejs mounts its OData routes.
import type { Application } from 'express';

/** Installs actor resolution (Bearer JWT / API key) and the identity routes (/login_, whoami, ...). */
export function installIdentity(_app: Application): void {
  // filled in by the identity work
}
